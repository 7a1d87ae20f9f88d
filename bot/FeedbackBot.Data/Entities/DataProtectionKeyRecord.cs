namespace FeedbackBot.Data.Entities;

/// <summary>
/// One ASP.NET Core Data Protection key, as the XML the key manager writes. Kept in the database so every instance
/// of the bot can read what another encrypted, and a restart does not make stored secrets unreadable.
/// </summary>
public sealed class DataProtectionKeyRecord
{
    public Guid Id { get; set; }
    public required string FriendlyName { get; set; }
    public required string Xml { get; set; }
    public DateTime CreatedAt { get; set; }
}
