import CStoreOpsTuning
import StoreOpsCLI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

storeops_malloc_configure()
exit(await StoreOpsCommand.execute(Array(CommandLine.arguments.dropFirst())))
