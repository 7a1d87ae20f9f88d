namespace FeedbackBot.Jobs.Outbox;

/// <summary>Tells this process's dispatcher that messages were just queued, so it sends them now instead of at its next poll.</summary>
public interface IOutboxSignal
{
    void Notify();
}
