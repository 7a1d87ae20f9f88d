using System.Xml.Linq;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Infrastructure.Storage;

/// <summary>
/// Keeps the Data Protection key ring in the bot's own database, so every instance shares it and a restart (or a new
/// container) can still read the Slack tokens stored earlier. The key manager calls this synchronously.
/// </summary>
internal sealed class DatabaseXmlRepository(IDbContextFactory<FeedbackDbContext> contexts, TimeProvider clock) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = contexts.CreateDbContext();
        return db.DataProtectionKeys.AsNoTracking()
            .OrderBy(k => k.CreatedAt)
            .Select(k => k.Xml)
            .AsEnumerable()
            .Select(xml => XElement.Parse(xml))
            .ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var db = contexts.CreateDbContext();
        db.DataProtectionKeys.Add(new DataProtectionKeyRecord
        {
            Id = Guid.NewGuid(),
            FriendlyName = friendlyName.Length <= 200 ? friendlyName : friendlyName[..200],
            Xml = element.ToString(SaveOptions.DisableFormatting),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        db.SaveChanges();
    }
}
