namespace BotRuntime.Authentication.Tests.Support;

/// <summary>Plain HttpClients (no resilience pipeline, whose delays would run on the fake clock) for unit tests.</summary>
public sealed class TestHttpClientFactory : IHttpClientFactory, IDisposable
{
    private readonly SocketsHttpHandler _handler = new() { ConnectTimeout = TimeSpan.FromSeconds(5) };

    public List<string> RequestedNames { get; } = [];

    public HttpClient CreateClient(string name)
    {
        lock (RequestedNames)
        {
            RequestedNames.Add(name);
        }

        return new HttpClient(_handler, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(10) };
    }

    public void Dispose() => _handler.Dispose();
}
