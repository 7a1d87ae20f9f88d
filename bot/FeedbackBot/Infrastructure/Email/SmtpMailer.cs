using System.Collections.Concurrent;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace FeedbackBot.Infrastructure.Email;

/// <summary>
/// Hands messages to the configured SMTP relay over a few kept-open connections. A recipient the server refuses
/// for good (a 5xx reply to RCPT TO) is answered with false: sending again cannot help. Everything else that stops a
/// send (no connection, a 4xx "try later", a refused sender or message) throws <see cref="EmailSendException"/>,
/// which the outbox retries with its backoff.
/// </summary>
/// <remarks>
/// RFC 5321 makes 4xx replies transient and 5xx permanent; greylisting relays answer the first attempt with 450 and
/// accept the retry, so a 4xx is tried again (decision 14).
/// </remarks>
internal sealed class SmtpMailer(IOptions<EmailOptions> options, TimeProvider clock, ILogger<SmtpMailer> log) : IAsyncDisposable
{
    /// <summary>Relays limit connections per client; a few in parallel are enough at a pace of a few hundred a minute.</summary>
    private const int MaxConnections = 4;

    /// <summary>Servers close idle sessions after a while (RFC 5321 asks for at least five minutes); reconnect well before.</summary>
    private static readonly TimeSpan MaxIdle = TimeSpan.FromSeconds(30);

    private readonly EmailOptions _options = options.Value;
    private readonly SemaphoreSlim _slots = new(MaxConnections, MaxConnections);
    private readonly ConcurrentBag<(SmtpClient Client, long IdleSince)> _idle = [];

    /// <summary>Sends one message; false when the server refused its recipient for good.</summary>
    /// <exception cref="EmailSendException">Not sent, for a reason that may pass.</exception>
    public async Task<bool> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await _slots.WaitAsync(cancellationToken);
        SmtpClient? client = null;
        try
        {
            client = await ConnectedAsync(cancellationToken);
            await client.SendAsync(message, cancellationToken);
            _idle.Add((client, clock.GetTimestamp()));
            client = null;
            return true;
        }
        catch (SmtpCommandException e) when (e.ErrorCode == SmtpErrorCode.RecipientNotAccepted && (int)e.StatusCode >= 500)
        {
            // The reply text often quotes the address, so only its code is kept.
            if (log.IsEnabled(LogLevel.Information))
            {
                log.LogInformation("The mail server refused a recipient for good ({StatusCode}); not sent again", (int)e.StatusCode);
            }

            return false;
        }
        catch (SmtpCommandException e)
        {
            throw new EmailSendException($"The mail server refused the message for now: {(int)e.StatusCode} ({Describe(e.ErrorCode)}); it is tried again later.");
        }
        catch (Exception e) when (e is SmtpProtocolException or IOException or SocketException or SslHandshakeException or MailKit.Security.AuthenticationException or ServiceNotConnectedException or ServiceNotAuthenticatedException)
        {
            throw new EmailSendException($"Could not send through {_options.Host}:{_options.Port}: {e.Message}", e);
        }
        finally
        {
            if (client is not null)
            {
                await CloseAsync(client);
            }

            _slots.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryTake(out var idle))
        {
            await CloseAsync(idle.Client);
        }

        _slots.Dispose();
    }

    private static string Describe(SmtpErrorCode type) => type switch
    {
        SmtpErrorCode.RecipientNotAccepted => "recipient not accepted",
        SmtpErrorCode.SenderNotAccepted => "sender not accepted: check " + EmailOptions.FromKey,
        SmtpErrorCode.MessageNotAccepted => "message not accepted",
        _ => "command refused",
    };

    private static async Task CloseAsync(SmtpClient client)
    {
        try
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(quit: true, CancellationToken.None);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException or SmtpCommandException or ObjectDisposedException)
        {
            // Closing a connection that already broke; nothing depends on it.
        }
        finally
        {
            client.Dispose();
        }
    }

    private async Task<SmtpClient> ConnectedAsync(CancellationToken cancellationToken)
    {
        while (_idle.TryTake(out var idle))
        {
            if (idle.Client.IsConnected && clock.GetElapsedTime(idle.IdleSince) < MaxIdle)
            {
                return idle.Client;
            }

            await CloseAsync(idle.Client);
        }

        var client = new SmtpClient();
        try
        {
            var security = !_options.UseTls ? SecureSocketOptions.None
                : _options.Port == 465 ? SecureSocketOptions.SslOnConnect
                : SecureSocketOptions.StartTls;
            await client.ConnectAsync(_options.Host!, _options.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(_options.Username))
            {
                await client.AuthenticateAsync(_options.Username, _options.Password ?? string.Empty, cancellationToken);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }
}
