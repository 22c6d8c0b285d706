import Foundation
import Testing

/// Runs `deploy/check-manifests.py` on the real files and on copies with one fault each.
@Suite struct DeployManifestTests {
    @Test func manifestsPassChecks() throws {
        let run = try runProcess("python3", ["deploy/check-manifests.py", "--crosshub", ChildProcess.crosshub.path])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.hasSuffix(" passed, 0 failed\n"), "\(run.output)")
    }

    @Test func invalidGuaranteeIsReported() throws {
        let run = try checkEdited("kubernetes/deployment.yaml") {
            $0.replacingOccurrences(of: "value: exactly-once", with: "value: exactly_once")
        }
        #expect(run.status == 1)
        #expect(run.output.contains("Deployment: CROSSHUB_GUARANTEE must be one of ['at-least-once', 'exactly-once'], found 'exactly_once'"),
                "\(run.output)")
    }

    /// Copies deploy/ and models/ to a temporary root, applies `edit` to one file and runs the checker there.
    private func checkEdited(_ file: String, _ edit: (String) -> String) throws -> ProcessRun {
        let root = try makeTemporaryDirectory("crosshub-deploy")
        defer { try? FileManager.default.removeItem(at: root) }
        for folder in ["deploy", "models"] {
            try FileManager.default.copyItem(at: DeployPaths.repositoryRoot.appendingPathComponent(folder),
                                             to: root.appendingPathComponent(folder))
        }
        let target = root.appendingPathComponent("deploy/\(file)")
        let original = try String(contentsOf: target, encoding: .utf8)
        let edited = edit(original)
        #expect(edited != original, "the edit of \(file) changed nothing")
        try edited.write(to: target, atomically: true, encoding: .utf8)
        return try runProcess("python3", [root.appendingPathComponent("deploy/check-manifests.py").path,
                                          "--crosshub", ChildProcess.crosshub.path])
    }

    @Test func unknownVariableIsReported() throws {
        let run = try checkEdited("kubernetes/deployment.yaml") {
            $0.replacingOccurrences(of: "- name: CROSSHUB_LOG_LEVEL", with: "- name: CROSSHUB_VERBOSITY")
        }
        #expect(run.status == 1)
        #expect(run.output.contains("Deployment: variable CROSSHUB_VERBOSITY is not a documented crosshub run variable"), "\(run.output)")
    }

    @Test func unknownFlagIsReported() throws {
        let run = try checkEdited("kubernetes/deployment.yaml") {
            $0.replacingOccurrences(of: #"args: ["run"]"#, with: #"args: ["run", "--threads=4"]"#)
        }
        #expect(run.status == 1)
        #expect(run.output.contains("Deployment: flag --threads is not a documented crosshub run flag"), "\(run.output)")
    }

    @Test func wrongProbePathIsReported() throws {
        let run = try checkEdited("kubernetes/deployment.yaml") {
            $0.replacingOccurrences(of: "path: /readyz", with: "path: /healthz")
        }
        #expect(run.status == 1)
        #expect(run.output.contains("Deployment: readinessProbe must GET /readyz"), "\(run.output)")
    }

    @Test func staleModelIsReported() throws {
        let run = try checkEdited("kubernetes/configmap-model.yaml") {
            $0.replacingOccurrences(of: #""marketing": 0.25"#, with: #""marketing": 0.3"#)
        }
        #expect(run.status == 1)
        #expect(run.output.contains("ConfigMap: model.json differs from models/default.json"), "\(run.output)")
    }

    @Test func replicaCapAbovePartitionsIsReported() throws {
        let run = try checkEdited("kubernetes/scaledobject.yaml") {
            $0.replacingOccurrences(of: "maxReplicaCount: 12", with: "maxReplicaCount: 20")
        }
        #expect(run.status == 1)
        #expect(run.output.contains("ScaledObject: maxReplicaCount 20 must equal the input partition count 12"), "\(run.output)")
    }

    @Test func composeVariableIsChecked() throws {
        let run = try checkEdited("compose.yaml") {
            $0.replacingOccurrences(of: "CROSSHUB_LOG_LEVEL: info", with: "CROSSHUB_DEBUG: \"1\"")
        }
        #expect(run.status == 1)
        #expect(run.output.contains("compose: variable CROSSHUB_DEBUG is not a documented crosshub run variable"), "\(run.output)")
    }

    @Test func invalidYAMLFailsToParse() throws {
        let run = try checkEdited("kubernetes/service.yaml") { $0 + "  - : [unclosed\n" }
        #expect(run.status == 2)
        #expect(run.output.contains("cannot read"), "\(run.output)")
    }
}
