using System.Net;
using System.Net.Sockets;

namespace BotRuntime.Authentication.Tests.Support;

public static class FreePort
{
    /// <summary>A loopback URL where nothing listens (the port was free a moment ago): connections are refused.</summary>
    public static string ClosedLoopbackUrl(string path)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}{path}";
    }
}
