import Foundation

/// Seconds and peak memory of work done in this process or in a child process.
enum Measure {
    /// The wall-clock seconds `body` took.
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = ContinuousClock.now
        try body()
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// CPU seconds this process has used so far, user and system, on all threads.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// The wall-clock and CPU seconds `body` took; CPU time shows the cost even when other work shares the machine.
    static func times(_ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
        let cpu = cpuSeconds()
        let wall = try seconds(body)
        return (wall, cpuSeconds() - cpu)
    }

    /// The middle value; for an even count, the lower of the two middle ones.
    static func median(_ values: [Double]) -> Double {
        values.sorted()[(values.count - 1) / 2]
    }

    /// This process's peak resident memory so far, in MB.
    static func peakMemoryOfSelf() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    /// What one run of a program took: wall-clock and CPU seconds, peak resident memory and exit status.
    struct Run {
        var seconds: Double
        var cpuSeconds: Double
        var peakMegabytes: Double
        var status: Int32
    }

    /// Runs `program` with `arguments`, output discarded, and waits for it with `wait4`, which
    /// reports that child's own peak memory.
    static func run(_ program: String, _ arguments: [String]) throws -> Run {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = ContinuousClock.now
        let spawned = posix_spawn(&pid, program, &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "Cannot start \(program): \(String(cString: strerror(spawned)))"])
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        let elapsed = ContinuousClock.now - start
        let exit = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return Run(seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, cpuSeconds: cpu,
                   peakMegabytes: Double(usage.ru_maxrss) / 1024, status: exit)
    }
}
