/// The shape of a mail type, read from the type alone: decoding it from placeholder values
/// while recording every key its `init(from:)` asks for.
///
/// This gives the template catalog without scanning source text, and a sample value of the
/// type for previews and tests: each text is `text(path)` ("person.name"), each flag is
/// `flags`, each list has one item, and every optional is present.
struct MailShape {
    typealias Variable = TemplateCatalog.Variable

    var variables: [Variable]

    struct Options {
        var text: (String) -> String = { "«\($0)»" }
        var flags = true
    }

    /// The variables of `type` and a sample of it.
    static func read<T: Decodable>(_ type: T.Type, options: Options = Options()) throws -> (shape: MailShape, sample: T) {
        let root = Node()
        let sample = try T(from: ShapeDecoder(node: root, path: [], options: options))
        return (MailShape(variables: root.children.map { $0.node.variable(named: $0.name) }), sample)
    }

    /// One value of the type being read.
    final class Node {
        var kind = Variable.Kind.text
        var children: [(name: String, node: Node)] = []
        var element: Node?

        func child(_ name: String) -> Node {
            if let existing = children.first(where: { $0.name == name }) { return existing.node }
            let node = Node()
            children.append((name, node))
            return node
        }

        func variable(named name: String) -> Variable {
            switch kind {
            case .text: .text(name)
            case .flag: .flag(name)
            case .object: .object(name, children.map { $0.node.variable(named: $0.name) })
            case .list:
                if let element, element.kind == .object {
                    .list(name, element.children.map { $0.node.variable(named: $0.name) })
                } else {
                    .list(name)
                }
            }
        }
    }
}

private struct ShapeDecoder: Decoder {
    let node: MailShape.Node
    let path: [String]
    let options: MailShape.Options
    var codingPath: [any CodingKey] { path.map(ShapeKey.init(stringValue:)) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        node.kind = .object
        return KeyedDecodingContainer(KeyedShape<Key>(decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        node.kind = .list
        return UnkeyedShape(decoder: self)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleShape(decoder: self)
    }

    /// A placeholder of a leaf type, recording the leaf's kind on `node`.
    func leaf<T>(_ type: T.Type, node: MailShape.Node, path: [String]) throws -> T {
        let name = path.joined(separator: ".")
        switch type {
        case is Bool.Type:
            node.kind = .flag
            return try cast(options.flags)
        case is String.Type:
            node.kind = .text
            return try cast(options.text(name))
        case is Int.Type: node.kind = .text; return try cast(1)
        case is Int64.Type: node.kind = .text; return try cast(Int64(1))
        case is Double.Type: node.kind = .text; return try cast(1.0)
        case let worded as any MailWording.Type: node.kind = .text; return try cast(worded.sample)
        default:
            throw DecodingError.typeMismatch(type, .init(codingPath: path.map(ShapeKey.init(stringValue:)),
                debugDescription: "mail values hold String, Int, Int64, Double, Bool, MailDate, structs and arrays only"))
        }
    }

    private func cast<T, V>(_ value: V) throws -> T {
        guard let result = value as? T else {
            throw DecodingError.typeMismatch(T.self, .init(codingPath: codingPath, debugDescription: "placeholder"))
        }
        return result
    }

    static func isLeaf<T>(_ type: T.Type) -> Bool {
        type == Bool.self || type == String.self || type == Int.self || type == Int64.self || type == Double.self
            || type is any MailWording.Type
    }
}

private struct ShapeKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

private struct KeyedShape<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: ShapeDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }
    var allKeys: [Key] { [] }

    func contains(_ key: Key) -> Bool { true }
    func decodeNil(forKey key: Key) throws -> Bool { false }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let child = decoder.node.child(key.stringValue)
        let path = decoder.path + [key.stringValue]
        if ShapeDecoder.isLeaf(type) { return try decoder.leaf(type, node: child, path: path) }
        return try T(from: ShapeDecoder(node: child, path: path, options: decoder.options))
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        let child = decoder.node.child(key.stringValue)
        return try ShapeDecoder(node: child, path: decoder.path + [key.stringValue], options: decoder.options).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        let child = decoder.node.child(key.stringValue)
        return try ShapeDecoder(node: child, path: decoder.path + [key.stringValue], options: decoder.options).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { decoder }
    func superDecoder(forKey key: Key) throws -> any Decoder {
        ShapeDecoder(node: decoder.node.child(key.stringValue), path: decoder.path + [key.stringValue], options: decoder.options)
    }
}

/// A list of exactly one item: enough to learn the item's shape.
private struct UnkeyedShape: UnkeyedDecodingContainer {
    let decoder: ShapeDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { 1 }
    var currentIndex = 0
    var isAtEnd: Bool { currentIndex >= 1 }

    private var element: MailShape.Node {
        if let element = decoder.node.element { return element }
        let element = MailShape.Node()
        decoder.node.element = element
        return element
    }

    mutating func decodeNil() throws -> Bool { false }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        defer { currentIndex += 1 }
        if ShapeDecoder.isLeaf(type) { return try decoder.leaf(type, node: element, path: decoder.path) }
        return try T(from: ShapeDecoder(node: element, path: decoder.path, options: decoder.options))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        defer { currentIndex += 1 }
        return try ShapeDecoder(node: element, path: decoder.path, options: decoder.options).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        defer { currentIndex += 1 }
        return try ShapeDecoder(node: element, path: decoder.path, options: decoder.options).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder { decoder }
}

private struct SingleShape: SingleValueDecodingContainer {
    let decoder: ShapeDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { false }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if ShapeDecoder.isLeaf(type) { return try decoder.leaf(type, node: decoder.node, path: decoder.path) }
        return try T(from: decoder)
    }
}
