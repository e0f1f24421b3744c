import Foundation
import MamoriCore

/// Role rules a service applies itself, so that every face (page, API, command) refuses the
/// same people. A page may hide an action earlier (404 for what does not exist for someone);
/// the service is where the rule holds.
extension Principal {
    /// The owner of this organization, or a refusal in the action's own words.
    func requireOwner(of organizationID: UUID?, _ refusal: LocalizedText) throws {
        guard isOwner, let organizationID, self.organizationID == organizationID else { throw Refusal.notAllowed(refusal) }
    }

    /// The program office.
    func requireOffice() throws {
        guard isOfficeAdmin else { throw Refusal.notAllowed(L.Organization.officeOnlyAction) }
    }
}
