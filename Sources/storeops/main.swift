import StoreOpsCLI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

exit(await StoreOpsCommand.execute(Array(CommandLine.arguments.dropFirst())))
