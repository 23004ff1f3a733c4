using System.Buffers;
using System.Collections.Concurrent;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace LearningPortal.Tests.Infrastructure;

/// <summary>
/// A real SMTP server in the test process (the SmtpServer package) on a loopback port. It keeps every
/// message it receives; tests wait for the one they expect. It can be stopped and started again on the
/// same port to simulate an outage.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> messages = new();
    private SmtpServer.SmtpServer? server;
    private Task? running;

    private SmtpTestServer(int port) => Port = port;

    public int Port { get; }

    public IReadOnlyCollection<MimeMessage> Messages => messages.ToArray();

    /// <summary>
    /// Called with each message once its data has arrived and before the server answers; returning false refuses it
    /// with a failure and keeps nothing. A test holds a message here to stop its sender mid-delivery.
    /// </summary>
    public Func<MimeMessage, Task<bool>>? BeforeAccepting { get; set; }

    public static SmtpTestServer Start()
    {
        var smtp = new SmtpTestServer(FreePort());
        smtp.StartListening();
        return smtp;
    }

    public void StartListening()
    {
        if (server is not null)
        {
            return;
        }

        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        server = new SmtpServer.SmtpServer(options, services);
        running = server.StartAsync(CancellationToken.None);
    }

    public async Task StopListeningAsync()
    {
        if (server is null)
        {
            return;
        }

        server.Shutdown();
        await server.ShutdownTask;
        server = null;
        running = null;
    }

    /// <summary>Waits for a message matching the predicate, failing the test after the timeout.</summary>
    public async Task<MimeMessage> WaitForMessageAsync(Func<MimeMessage, bool> predicate, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            var found = messages.FirstOrDefault(predicate);
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No matching email arrived. Received: {string.Join(" | ", messages.Select(m => $"{m.To} {m.Subject}"))}");
    }

    public Task<MimeMessage> WaitForMessageToAsync(string address, TimeSpan? timeout = null) =>
        WaitForMessageAsync(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase)), timeout);

    public async ValueTask DisposeAsync()
    {
        await StopListeningAsync();
        _ = running;
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed class Store(SmtpTestServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            if (server.BeforeAccepting is { } check && !await check(message))
            {
                return SmtpResponse.TransactionFailed;
            }

            server.messages.Enqueue(message);
            return SmtpResponse.Ok;
        }
    }
}
