using System.Net;
using System.Net.Sockets;

namespace TestSupport;

public static class FreePort
{
    /// <summary>A loopback port that was free a moment ago, for a host whose address must be known before it starts.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A loopback URL where nothing listens (the port was free a moment ago): connections are refused.</summary>
    public static string ClosedLoopbackUrl(string path) => $"http://127.0.0.1:{Next()}{path}";
}
