/// Allowed pairs in two compressed adjacency layouts, parallel pairs merged (highest score kept).
///
/// - By mentee: mentors in increasing index order.
/// - By mentor: mentees in increasing index order.
struct BipartiteGraph {
    let menteeCount: Int
    let mentorCount: Int
    /// Capacity of each mentor, at most its number of distinct mentees.
    let capacity: [Int]
    /// Capacity of each mentor as given.
    let requestedCapacity: [Int]
    let menteeStart: [Int]
    let menteeMentor: [Int32]
    let menteeScore: [Int32]
    let mentorStart: [Int]
    let mentorMentee: [Int32]
    let mentorScore: [Int32]

    /// Builds both layouts with stable counting sorts.
    ///
    /// - Complexity: O(n + m + e).
    init(menteeCount: Int, capacities: [Int], mentees: [Int32], mentors: [Int32], scores: [Int32]) {
        let mentorCount = capacities.count
        let e = mentees.count
        // Pass 1: order by mentor (stable), then pass 2: by mentee (stable) → (mentee, mentor) order.
        var byMentor = [Int32](repeating: 0, count: e)
        var mentorCursor = [Int](repeating: 0, count: mentorCount + 1)
        for j in mentors { mentorCursor[Int(j) + 1] += 1 }
        for j in 0..<mentorCount { mentorCursor[j + 1] += mentorCursor[j] }
        for k in 0..<e {
            let j = Int(mentors[k])
            byMentor[mentorCursor[j]] = Int32(k)
            mentorCursor[j] += 1
        }
        var start = [Int](repeating: 0, count: menteeCount + 1)
        for i in mentees { start[Int(i) + 1] += 1 }
        for i in 0..<menteeCount { start[i + 1] += start[i] }
        var cursor = start
        var ordered = [Int32](repeating: 0, count: e)
        for k in byMentor {
            let i = Int(mentees[Int(k)])
            ordered[cursor[i]] = k
            cursor[i] += 1
        }
        // Merge parallel pairs, keeping the highest score.
        var menteeStart = [Int](repeating: 0, count: menteeCount + 1)
        var menteeMentor: [Int32] = []
        var menteeScore: [Int32] = []
        menteeMentor.reserveCapacity(e)
        menteeScore.reserveCapacity(e)
        var indegree = [Int](repeating: 0, count: mentorCount)
        for i in 0..<menteeCount {
            var k = start[i]
            while k < start[i + 1] {
                let j = mentors[Int(ordered[k])]
                var best = scores[Int(ordered[k])]
                k += 1
                while k < start[i + 1], mentors[Int(ordered[k])] == j {
                    best = max(best, scores[Int(ordered[k])])
                    k += 1
                }
                menteeMentor.append(j)
                menteeScore.append(best)
                indegree[Int(j)] += 1
            }
            menteeStart[i + 1] = menteeMentor.count
        }
        // By mentor: bucket in mentee order.
        var mentorStart = [Int](repeating: 0, count: mentorCount + 1)
        for j in 0..<mentorCount { mentorStart[j + 1] = mentorStart[j] + indegree[j] }
        var fill = mentorStart
        var mentorMentee = [Int32](repeating: 0, count: menteeMentor.count)
        var mentorScore = [Int32](repeating: 0, count: menteeMentor.count)
        for i in 0..<menteeCount {
            for k in menteeStart[i]..<menteeStart[i + 1] {
                let j = Int(menteeMentor[k])
                mentorMentee[fill[j]] = Int32(i)
                mentorScore[fill[j]] = menteeScore[k]
                fill[j] += 1
            }
        }
        self.menteeCount = menteeCount
        self.mentorCount = mentorCount
        self.capacity = (0..<mentorCount).map { min(capacities[$0], indegree[$0]) }
        self.requestedCapacity = capacities
        self.menteeStart = menteeStart
        self.menteeMentor = menteeMentor
        self.menteeScore = menteeScore
        self.mentorStart = mentorStart
        self.mentorMentee = mentorMentee
        self.mentorScore = mentorScore
    }

    /// The graph of all of `problem`'s edges.
    init(_ problem: AssignmentProblem) {
        self.init(menteeCount: problem.menteeCount, capacities: problem.mentorCapacities,
                  mentees: problem.edgeMentee, mentors: problem.edgeMentor, scores: problem.edgeScore)
    }

    /// The (merged) score of `mentee` with `mentor`, or nil when not allowed.
    ///
    /// - Complexity: O(log d), d the mentee's degree.
    func score(mentee: Int, mentor: Int) -> Int? {
        var low = menteeStart[mentee], high = menteeStart[mentee + 1]
        while low < high {
            let mid = (low + high) / 2
            let j = Int(menteeMentor[mid])
            if j == mentor { return Int(menteeScore[mid]) }
            if j < mentor { low = mid + 1 } else { high = mid }
        }
        return nil
    }
}
