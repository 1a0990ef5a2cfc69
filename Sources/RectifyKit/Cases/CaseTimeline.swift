import Foundation
import RectifyCore
import RectifyStore

extension Rectify {
    /// One audit event of a case, as its page's timeline lists it: when, who (with the officer's name when the actor
    /// is one), and the action's code (labelled by the front end).
    public struct TimelineEntry: Codable, Sendable, Equatable {
        public var at: String
        public var actor: String
        public var actorName: String?
        public var action: String
    }

    /// Every audit event of the case, oldest first.
    public func caseTimeline(number: String) throws -> [TimelineEntry] {
        try database.read { store in
            let record = try Lookup.case(store, number: number)
            var names: [String: String?] = [:]
            var entries: [TimelineEntry] = []
            try store.forEachCaseEvent(caseId: record.id!) { event in
                if names[event.actor] == nil {
                    names[event.actor] = try? Lookup.officer(store, credential: event.actor).name
                }
                entries.append(TimelineEntry(at: event.at, actor: event.actor, actorName: names[event.actor] ?? nil,
                                             action: event.action))
            }
            return entries
        }
    }
}
