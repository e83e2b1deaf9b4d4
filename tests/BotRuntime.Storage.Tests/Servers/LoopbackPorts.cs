using System.Net;
using System.Net.Sockets;

namespace BotRuntime.Storage.Tests.Servers;

internal static class LoopbackPorts
{
    /// <summary>A port free on 127.0.0.1 right now (the OS picks it), for a server the tests start.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task WaitUntilListeningAsync(int port, TimeSpan timeout, Func<string> whyNot)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
            catch (SocketException)
            {
                throw new InvalidOperationException($"Nothing listens on 127.0.0.1:{port} after {timeout.TotalSeconds:0} s. {whyNot()}");
            }
        }
    }
}
