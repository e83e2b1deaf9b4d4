using System.Net;
using System.Net.Sockets;

namespace B12Bot.Teams.Tests.Harness;

internal static class FreeLoopbackPort
{
    /// <summary>A TCP port that was free on 127.0.0.1 a moment ago (the caller verifies it got it).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
