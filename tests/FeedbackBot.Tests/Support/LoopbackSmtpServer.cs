using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace FeedbackBot.Tests.Support;

/// <summary>
/// A real SMTP server on a free loopback port (the SmtpServer package): it speaks the protocol to MailKit as a relay
/// would, keeps what it accepts, and can be told to refuse the next messages ("451 try later") or a recipient for
/// good ("550") the way real relays do.
/// </summary>
internal sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<MimeMessage> _messages = new();
    private readonly ConcurrentDictionary<string, int> _refusedRecipients = new(StringComparer.OrdinalIgnoreCase);
    private int _refuseNext;
    private Task _running = Task.CompletedTask;

    private LoopbackSmtpServer()
    {
    }

    public int Port { get; private set; }

    /// <summary>The messages accepted, in the order they arrived.</summary>
    public IReadOnlyList<MimeMessage> Messages => [.. _messages];

    /// <summary>How many messages were refused for now.</summary>
    public int Refused { get; private set; }

    /// <summary>The settings that point the bot's e-mail at this server, without TLS.</summary>
    public Dictionary<string, string?> Settings(int perMinute = 10_000) => new()
    {
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:UseTls"] = "false",
        ["Email:Smtp:From"] = "Customer Care <care@example.com>",
        ["Email:PerMinute"] = perMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static async Task<LoopbackSmtpServer> StartAsync()
    {
        var server = new LoopbackSmtpServer();
        var started = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, e) => started.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listeners);
        services.Add(new Store(server));
        services.Add(new Filter(server));
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, 0)))
            .Build();
        server._running = new SmtpServer.SmtpServer(options, services).StartAsync(server._stop.Token);
        server.Port = await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return server;
    }

    /// <summary>The next <paramref name="count"/> messages are refused with 451, as a relay under load or greylisting does.</summary>
    public void RefuseNext(int count) => Interlocked.Exchange(ref _refuseNext, count);

    /// <summary>Refuses mail for <paramref name="address"/> with <paramref name="code"/> (550: no such mailbox).</summary>
    public void RefuseRecipient(string address, int code = 550) => _refusedRecipients[address] = code;

    /// <summary>Accepts mail for <paramref name="address"/> again.</summary>
    public void AcceptRecipient(string address) => _refusedRecipients.TryRemove(address, out _);

    /// <summary>The messages sent to <paramref name="address"/>.</summary>
    public IReadOnlyList<MimeMessage> To(string address) =>
        [.. Messages.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private sealed class Store(LoopbackSmtpServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (Interlocked.Decrement(ref server._refuseNext) >= 0)
            {
                server.Refused++;
                return new SmtpResponse((SmtpReplyCode)451, "4.3.0 Try again later");
            }

            using var stream = new MemoryStream(buffer.ToArray());
            server._messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }

    private sealed class Filter(LoopbackSmtpServer server) : MailboxFilter
    {
        public override Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
        {
            if (server._refusedRecipients.TryGetValue($"{to.User}@{to.Host}", out var code))
            {
                throw new SmtpResponseException(new SmtpResponse((SmtpReplyCode)code, $"5.1.1 <{to.User}@{to.Host}>: no such mailbox"));
            }

            return Task.FromResult(true);
        }
    }
}
