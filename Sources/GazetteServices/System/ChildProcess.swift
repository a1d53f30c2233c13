import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A program Gazette runs beside itself (`vipsthumbnail`; in tests, `gazette` and helper servers), started
/// with `posix_spawn` directly.
///
/// Foundation's `Process` on Linux copies each `/proc/self/fd` entry's whole 256-byte name out of
/// `readdir`'s buffer to find the highest open descriptor, and that read can run off the end of the buffer:
/// with a thousand or so descriptors open (a busy server, a parallel test run) it crashed the process.
/// Here the child closes every inherited descriptor above the three it is given in one call instead.
public final class ChildProcess: Sendable {
    /// How a program ended.
    public enum Ending: Sendable, Equatable {
        case exited(Int32)
        case killed(by: Int32)

        /// The exit status, or 128 + the signal, as a shell reports it.
        public var status: Int32 {
            switch self {
            case .exited(let code): code
            case .killed(let signal): 128 + signal
            }
        }
    }

    /// Where one of the child's standard streams goes.
    public enum Stream: Sendable {
        /// `/dev/null`.
        case null
        /// Gazette's own stream of that number.
        case inherited
        /// An open descriptor of Gazette's, which the child gets a copy of.
        case descriptor(Int32)
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public let pid: pid_t
    private let ending = Mutex<Ending?>(nil)

    private init(pid: pid_t) {
        self.pid = pid
    }

    /// Starts `executable` with `arguments`, in `environment` (Gazette's own when nil).
    public static func start(
        _ executable: String, arguments: [String], environment: [String: String]? = nil,
        input: Stream = .null, output: Stream = .null, errors: Stream = .inherited
    ) throws -> ChildProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (stream, number) in [(input, Int32(0)), (output, 1), (errors, 2)] {
            switch stream {
            case .inherited: break
            case .null:
                let mode = number == 0 ? O_RDONLY : O_WRONLY
                posix_spawn_file_actions_addopen(&actions, number, "/dev/null", mode, 0)
            case .descriptor(let descriptor):
                posix_spawn_file_actions_adddup2(&actions, descriptor, number)
            }
        }
        if let closeFrom = closeFromAction {
            _ = closeFrom(&actions, 3)
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The child starts with no signal blocked and SIGPIPE back to its default (Gazette ignores it).
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = CStrings([executable] + arguments)
        let envp = environment.map { CStrings($0.map { "\($0.key)=\($0.value)" }) }
        defer {
            argv.release()
            envp?.release()
        }
        var pid = pid_t()
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv.pointers, envp?.pointers ?? environ)
        guard result == 0 else {
            throw Failure(description: "\(executable) could not start: \(String(cString: strerror(result)))")
        }
        return ChildProcess(pid: pid)
    }

    /// How it ended, or nil while it runs.
    public func poll() -> Ending? {
        ending.withLock { ending in
            if let ending { return ending }
            var status: Int32 = 0
            let reaped = waitpid(pid, &status, WNOHANG)
            guard reaped == pid else { return nil }
            let signal = status & 0x7f
            ending = signal == 0 ? .exited((status >> 8) & 0xff) : .killed(by: signal)
            return ending
        }
    }

    public var isRunning: Bool { poll() == nil }

    /// Waits for it to end, blocking this thread (tests and commands).
    public func waitBlocking() -> Ending {
        var pause: useconds_t = 1_000
        while true {
            if let ending = poll() { return ending }
            usleep(pause)
            pause = min(pause * 2, 20_000)
        }
    }

    /// Waits for it to end without holding a thread; after `limit` seconds it is killed.
    public func wait(limit: TimeInterval? = nil) async -> Ending {
        let deadline = limit.map { Date().addingTimeInterval($0) }
        var pause: UInt64 = 1_000_000
        while true {
            if let ending = poll() { return ending }
            if let deadline, Date() >= deadline { kill() }
            do {
                try await Task.sleep(nanoseconds: pause)
            } catch {
                // Whoever waited went away: the program goes too, rather than this loop spinning.
                kill()
                return waitBlocking()
            }
            pause = min(pause * 2, 20_000_000)
        }
    }

    /// Asks it to stop (SIGTERM).
    public func terminate() { signal(SIGTERM) }

    /// Stops it at once (SIGKILL).
    public func kill() { signal(SIGKILL) }

    private func signal(_ number: Int32) {
        ending.withLock { ending in
            if ending == nil { _ = sendSignal(number, to: pid) }
        }
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later), looked up when first needed:
    /// the C headers declare it only under `_GNU_SOURCE`, which Swift's Glibc module does not set.
    private static let closeFromAction:
        (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? = {
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np")
            else { return nil }
            return unsafeBitCast(
                symbol,
                to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
        }()
}

private func sendSignal(_ number: Int32, to pid: pid_t) -> Int32 {
    kill(pid, number)
}

/// A NUL-terminated array of C strings, as `argv` and `envp` are.
private struct CStrings {
    let pointers: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
    let count: Int

    init(_ strings: [String]) {
        count = strings.count
        pointers = .allocate(capacity: strings.count + 1)
        for (index, string) in strings.enumerated() { pointers[index] = strdup(string) }
        pointers[strings.count] = nil
    }

    func release() {
        for index in 0..<count { free(pointers[index]) }
        pointers.deallocate()
    }
}

/// A pipe whose both ends close on exec (the child gets only the copy it is handed).
public struct ChildPipe: Sendable {
    public let readEnd: Int32
    public let writeEnd: Int32

    public init() throws {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else {
            throw ChildProcess.Failure(description: "no pipe: \(String(cString: strerror(errno)))")
        }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        readEnd = ends[0]
        writeEnd = ends[1]
    }
}
