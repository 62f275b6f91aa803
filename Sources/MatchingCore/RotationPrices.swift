/// Rough mentor prices to start the rotation flow from, found by a few rounds of tâtonnement:
/// each mentee takes its r best candidates by score − price, and a mentor asked by more mentees
/// than it can hold gets dearer, one asked by too few cheaper, in steps that halve.
///
/// Only the flow's speed depends on them: they become its first potentials, so that a unit is
/// first offered to the mentors it is likely to end with, and few searches have to move anyone.
/// Any prices are correct (see `RotationFlow.init`).
///
/// - Complexity: O(rounds · (e · r + m)) for e candidate pairs.
func rotationPrices(_ input: RotationInput, rounds: Int = 24) -> [Int] {
    let n = input.mentees, m = input.mentors, r = input.rotations
    var price = [Int](repeating: 0, count: m)
    guard n > 0, r > 0 else { return price }
    var load = [Int](repeating: 0, count: m)
    var bestValue = [Int](repeating: 0, count: r), bestMentor = [Int](repeating: 0, count: r)
    var step = max(1, input.maxScore / 2)
    for round in 0..<rounds {
        for j in 0..<m { load[j] = 0 }
        for i in 0..<n {
            // The r best candidates by value, kept sorted by insertion.
            var kept = 0
            for j in 0..<m {
                let value = input.score(i, j) - price[j]
                guard kept < r || value > bestValue[r - 1] else { continue }
                var at = min(kept, r - 1)
                kept = min(kept + 1, r)
                while at > 0, bestValue[at - 1] < value {
                    bestValue[at] = bestValue[at - 1]
                    bestMentor[at] = bestMentor[at - 1]
                    at -= 1
                }
                bestValue[at] = value
                bestMentor[at] = j
            }
            for k in 0..<kept { load[bestMentor[k]] += 1 }
        }
        for j in 0..<m {
            if load[j] > input.upperLoad { price[j] += step } else if load[j] < input.lowerLoad { price[j] -= step }
        }
        if round % 3 == 2 { step = max(1, step / 2) }
    }
    return price
}
