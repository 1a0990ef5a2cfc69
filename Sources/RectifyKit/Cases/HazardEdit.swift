import Foundation
import RectifyCore
import RectifyStore

extension WriteContext {
    /// Load → decide (`HazardCorrection`) → save, audited as `hazard.edit`.
    func editHazard(reference: String, correction: HazardCorrection) throws -> Hazard {
        _ = try actingOfficer()
        let (record, hazard) = try Lookup.hazard(store, reference: reference)
        try CaseLifecycle.requireOpen(record.state)
        let order = try store.document(id: hazard.orderDocumentId)
        let corrected = try correction.applied(to: hazard, orderNumber: order?.number ?? "")
        if corrected != hazard { try update(corrected, action: "hazard.edit") }
        return corrected
    }
}

extension Rectify {
    public func editHazard(reference: String, correction: HazardCorrection, actor: String) throws -> Hazard {
        try database.write(actor: actor) { try $0.editHazard(reference: reference, correction: correction) }
    }
}
