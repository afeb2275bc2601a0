// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "bridgework",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "bridgework", targets: ["Run"])
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.110.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.12.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.8.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.10.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        .package(url: "https://github.com/JohnSundell/Ink.git", from: "0.6.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        .target(
            name: "App",
            dependencies: [
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "Ink", package: "Ink"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .target(name: "Statistics"),
            ],
            resources: [
                // England's local authorities (mySociety, MIT licence): areas served and the map.
                .copy("Resources/uk-local-authorities.csv"),
                .copy("Resources/uk-local-authorities.LICENSE"),
                .copy("Resources/openapi.json"),
                // The tables of HSDS 3.0's datapackage.json that the export writes (CC BY-SA 4.0, Open Referral).
                .copy("Resources/hsds-datapackage.json"),
                // The styles and the small script, served from the package, so a server started from
                // any folder finds them.
                .copy("Resources/Public"),
            ]
        ),
        // Descriptive and paired statistics, intervals and disclosure control: no Vapor, no database.
        .target(name: "Statistics"),
        .executableTarget(
            name: "Run",
            dependencies: [.target(name: "App")]
        ),
        .testTarget(
            name: "AppTests",
            dependencies: [
                .target(name: "App"),
                .product(name: "XCTVapor", package: "vapor"),
            ]
        ),
        .testTarget(
            name: "StatisticsTests",
            dependencies: [
                .target(name: "Statistics"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            // The Python scripts that produced the reference values, kept beside the tests.
            exclude: ["reference"]
        ),
    ]
)
