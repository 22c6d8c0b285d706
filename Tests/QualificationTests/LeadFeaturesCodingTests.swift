import Foundation
import Testing
@testable import Qualification

@Test func companySizeDecodesBandOrCount() throws {
    let band = try JSONDecoder().decode(LeadFeatures.self, from: Data(#"{"company_size":"Startup (1-10 employees)"}"#.utf8))
    #expect(band.companySize == .band("Startup (1-10 employees)"))
    let count = try JSONDecoder().decode(LeadFeatures.self, from: Data(#"{"company_size":250}"#.utf8))
    #expect(count.companySize == .employees(250))
}
