/// A binary min-heap of nodes `0..<n` keyed by `Int`, with decrease-key; ties pop the lower node.
struct IndexedMinHeap {
    private var heap: [Int32] = []
    private var position: [Int32]
    private var key: [Int]

    init(nodeCount: Int) {
        position = [Int32](repeating: -1, count: nodeCount)
        key = [Int](repeating: 0, count: nodeCount)
        heap.reserveCapacity(nodeCount)
    }

    var isEmpty: Bool { heap.isEmpty }

    /// Inserts `node` with `newKey`, or lowers its key if it is queued with a larger one.
    ///
    /// - Complexity: O(log n).
    mutating func pushOrDecrease(_ node: Int, _ newKey: Int) {
        let at = Int(position[node])
        if at < 0 {
            key[node] = newKey
            heap.append(Int32(node))
            position[node] = Int32(heap.count - 1)
            siftUp(heap.count - 1)
        } else if newKey < key[node] {
            key[node] = newKey
            siftUp(at)
        }
    }

    /// Removes and returns the node with the smallest key (then the smallest index).
    ///
    /// - Complexity: O(log n).
    mutating func popMin() -> (node: Int, key: Int)? {
        guard let first = heap.first else { return nil }
        let last = heap.removeLast()
        position[Int(first)] = -1
        if !heap.isEmpty {
            heap[0] = last
            position[Int(last)] = 0
            siftDown(0)
        }
        return (Int(first), key[Int(first)])
    }

    /// Empties the heap.
    ///
    /// - Complexity: O(size).
    mutating func removeAll() {
        for node in heap { position[Int(node)] = -1 }
        heap.removeAll(keepingCapacity: true)
    }

    private func less(_ a: Int32, _ b: Int32) -> Bool {
        let ka = key[Int(a)], kb = key[Int(b)]
        return ka < kb || (ka == kb && a < b)
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        let node = heap[child]
        while child > 0 {
            let parent = (child - 1) / 2
            guard less(node, heap[parent]) else { break }
            heap[child] = heap[parent]
            position[Int(heap[child])] = Int32(child)
            child = parent
        }
        heap[child] = node
        position[Int(node)] = Int32(child)
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        let node = heap[parent]
        let count = heap.count
        while true {
            var child = 2 * parent + 1
            guard child < count else { break }
            if child + 1 < count, less(heap[child + 1], heap[child]) { child += 1 }
            guard less(heap[child], node) else { break }
            heap[parent] = heap[child]
            position[Int(heap[parent])] = Int32(parent)
            parent = child
        }
        heap[parent] = node
        position[Int(node)] = Int32(parent)
    }
}
