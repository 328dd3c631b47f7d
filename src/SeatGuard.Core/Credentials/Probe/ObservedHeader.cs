using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using SeatGuard.Core.Common;

namespace SeatGuard.Core.Credentials.Probe;

/// <summary>A credential header as it arrived, already reduced to prefix and fingerprint (the value is dropped).</summary>
public sealed record ObservedHeader(string Header, string Prefix, string Fingerprint);
