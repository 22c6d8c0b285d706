import Testing
@testable import CrossHubService

@Test func serviceModuleLinks() {
    #expect(String(describing: CrossHubService.self) == "CrossHubService")
}
