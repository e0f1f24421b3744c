import Foundation

/// A side-by-side comparison of two texts, line by line, from Swift's `CollectionDifference`:
/// unchanged lines stand on both sides; a removal and an insertion at the same place stand
/// side by side as a change.
public enum LineDiff {
    public enum Kind: String, Sendable, Hashable {
        case same
        case removed
        case added
        case changed
    }

    public struct Row: Sendable, Hashable {
        public let kind: Kind
        public let left: String?
        public let right: String?
        public let leftNumber: Int?
        public let rightNumber: Int?
    }

    public static func sideBySide(_ old: [String], _ new: [String]) -> [Row] {
        let difference = new.difference(from: old).inferringMoves()
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var rows: [Row] = []
        var i = 0, j = 0
        while i < old.count || j < new.count {
            var lefts: [Int] = [], rights: [Int] = []
            while i < old.count, removed.contains(i) { lefts.append(i); i += 1 }
            while j < new.count, inserted.contains(j) { rights.append(j); j += 1 }
            if lefts.isEmpty && rights.isEmpty {
                // Both sides hold the same line here.
                rows.append(Row(kind: .same, left: old[i], right: new[j], leftNumber: i + 1, rightNumber: j + 1))
                i += 1; j += 1
                continue
            }
            for k in 0..<max(lefts.count, rights.count) {
                let l = k < lefts.count ? lefts[k] : nil
                let r = k < rights.count ? rights[k] : nil
                let kind: Kind = l != nil && r != nil ? .changed : (l != nil ? .removed : .added)
                rows.append(Row(kind: kind, left: l.map { old[$0] }, right: r.map { new[$0] },
                                leftNumber: l.map { $0 + 1 }, rightNumber: r.map { $0 + 1 }))
            }
        }
        return rows
    }

    /// A document as lines for comparison: each heading, then its body's lines.
    public static func lines(of sections: [PolicySection]) -> [String] {
        sections.flatMap { section in
            ["■ " + section.heading] + section.body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
    }
}
