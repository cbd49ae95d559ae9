import PodiumRPC

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `podium lsp`: the server on stdin/stdout.
public enum StdioServer {
  /// Serves until `exit` or the end of input; returns the exit code.
  public static func run(maxMessageBytes: Int) -> Int32 {
    // Keep the real stdout for protocol bytes only, and point fd 1 at stderr so that any stray
    // print (ours or a library's) cannot corrupt the stream.
    let protocolOut = dup(1)
    dup2(2, 1)
    signal(SIGPIPE, SIG_IGN)  // a client that goes away must not kill us mid-write

    let connection = Connection(sink: FileDescriptorSink(fd: protocolOut)) { code in
      Log.info("exit (\(code))")
      exit(code)
    }
    let reader = FrameReader(
      source: FileDescriptorSource(fd: 0), maxMessageBytes: maxMessageBytes)
    let code = connection.run(reader: reader, handler: LanguageServer())
    Log.info("input ended; exit (\(code))")
    return code
  }
}
