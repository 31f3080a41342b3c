import Foundation
import TrainingCore

/// Runs a poppler or Ghostscript program on a certificate file and returns what it writes.
enum ExternalTool {
    /// The program's standard output; a program that runs over a minute is stopped, so a PDF made to loop cannot hang `verify`.
    static func run(_ tool: String, _ arguments: [String], package: String, reading path: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw MalakaError.io("Cannot run \(tool) to read \(path); install \(package).")
        }
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: watchdog)
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        if process.terminationReason == .uncaughtSignal {
            throw MalakaError.data("\(path) could not be read: \(tool) did not finish within a minute. The file may be damaged; ask the holder for another copy.")
        }
        if process.terminationStatus == 127 {
            throw MalakaError.io("Cannot run \(tool) to read \(path); install \(package).")
        }
        return output
    }
}
