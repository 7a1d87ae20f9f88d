using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Infrastructure.Email;

/// <summary>
/// Keeps this instance to <c>Email:PerMinute</c> messages in any minute: a sliding window of six ten-second segments,
/// moved on by a timer of the bot's clock (so a test's clock moves it too). A send waits for its turn; one that would
/// wait longer than <see cref="MaxWait"/> gives its turn up and goes back to the outbox, nothing sent, because the
/// outbox takes a send that is claimed for too long to have died part way and never repeats it.
/// </summary>
internal sealed class EmailPacer : IDisposable
{
    private const int Segments = 6;

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly SlidingWindowRateLimiter _limiter;
    private readonly ITimer _replenish;
    private readonly TimeProvider _clock;

    public EmailPacer(IOptions<EmailOptions> options, IOptions<Jobs.Outbox.OutboxOptions> outbox, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(outbox);
        _clock = clock;
        PerMinute = options.Value.PerMinute;
        MaxWait = outbox.Value.ClaimLifetime / 2;
        // The limiter keeps the count; the bot's clock moves its window. It checks real time before a replenish even when
        // replenished by hand, so its own window is one tick a segment: every tick of the timer below then moves it.
        _limiter = new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = PerMinute,
            Window = TimeSpan.FromTicks(Segments),
            SegmentsPerWindow = Segments,
            AutoReplenishment = false,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        var segment = Window / Segments;
        _replenish = clock.CreateTimer(_ => _limiter.TryReplenish(), null, segment, segment);
    }

    public int PerMinute { get; }

    /// <summary>Half the outbox's claim: a send that waited this long still has the other half to be sent in.</summary>
    public TimeSpan MaxWait { get; }

    /// <summary>Waits for this message's turn.</summary>
    /// <exception cref="EmailSendException">The turn did not come within <see cref="MaxWait"/>; nothing was sent.</exception>
    public async Task WaitTurnAsync(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(MaxWait, _clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var lease = await _limiter.AcquireAsync(1, linked.Token);
            if (!lease.IsAcquired)
            {
                throw new EmailSendException($"No turn to send under {EmailOptions.PerMinuteKey} ({PerMinute} a minute); it is tried again later.");
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new EmailSendException(
                $"Waited {MaxWait.TotalMinutes:0} minutes for a turn under {EmailOptions.PerMinuteKey} ({PerMinute} a minute) without one; it is tried again later.");
        }
    }

    public void Dispose()
    {
        _replenish.Dispose();
        _limiter.Dispose();
    }
}
