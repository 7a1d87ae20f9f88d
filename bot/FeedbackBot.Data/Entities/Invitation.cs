namespace FeedbackBot.Data.Entities;

/// <summary>
/// That a person was asked in a cycle, and whether they answered. It never says what they answered: responses
/// are stored under a pseudonymous key and nothing joins the two.
/// </summary>
public sealed class Invitation
{
    public Guid Id { get; set; }
    public Guid CycleId { get; set; }
    public ReviewCycle? Cycle { get; set; }
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
    public InvitationState State { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public int RemindersSent { get; set; }
    public DateTime? LastRemindedAt { get; set; }
    public DateTime? AnsweredAt { get; set; }
}
