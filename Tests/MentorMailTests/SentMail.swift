import Mail

/// The mail among these sent to one address alone (its To line is that address and no other).
extension Sequence where Element == Message {
    func first(to address: String) -> Message? { first { $0.to.map(\.address) == [address] } }
    func mail(to address: String) -> [Message] { filter { $0.to.map(\.address) == [address] } }
}

extension BidirectionalCollection where Element == Message {
    func last(to address: String) -> Message? { last { $0.to.map(\.address) == [address] } }
}
