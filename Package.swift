// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "crosshub",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "crosshub", targets: ["crosshub"]),
        .library(name: "Kafka", targets: ["Kafka"]),
        .library(name: "Qualification", targets: ["Qualification"]),
        .library(name: "CrossHubService", targets: ["CrossHubService"]),
    ],
    targets: [
        // librdkafka 2.0.2 from Debian's librdkafka-dev.
        .systemLibrary(
            name: "CRdKafka",
            pkgConfig: "rdkafka",
            providers: [.apt(["librdkafka-dev"])]
        ),
        // GNU libmicrohttpd from Debian's libmicrohttpd-dev, for the operations endpoint.
        .systemLibrary(
            name: "CMicroHTTPD",
            pkgConfig: "libmicrohttpd",
            providers: [.apt(["libmicrohttpd-dev"])]
        ),
        .target(
            name: "Kafka",
            dependencies: ["CRdKafka"]
        ),
        .target(
            name: "Qualification"
        ),
        // Plain C loops over librdkafka, the baseline of `crosshub bench kafka`.
        .target(
            name: "CKafkaBaseline",
            linkerSettings: [.linkedLibrary("rdkafka")]
        ),
        .target(
            name: "CrossHubService",
            dependencies: ["Kafka", "Qualification", "CMicroHTTPD"]
        ),
        .executableTarget(
            name: "crosshub",
            dependencies: ["CrossHubService", "Kafka", "Qualification", "CKafkaBaseline"]
        ),
        .testTarget(
            name: "KafkaTests",
            dependencies: ["Kafka"]
        ),
        .testTarget(
            name: "QualificationTests",
            dependencies: ["Qualification"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "CrossHubServiceTests",
            dependencies: ["CrossHubService", "Kafka", "Qualification"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
