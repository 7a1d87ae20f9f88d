using System.Security.Cryptography;
using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Data;

/// <summary>
/// Random secrets of the installation, created on first use and kept in the database, so every instance that shares
/// the database (and every later run) uses the same one.
/// </summary>
public static class InstallationSecrets
{
    /// <summary>The secret that staff respondents' pseudonymous keys are derived with.</summary>
    public const string RespondentKeyName = "respondent-key";

    /// <summary>The length of a new secret, in bytes.</summary>
    public const int SecretLength = 32;

    /// <summary>
    /// The secret called <paramref name="name"/>, created now if there is none. Safe when several processes ask for the
    /// same new secret at once: each tries to insert, the database keeps one, and the others read that one back.
    /// </summary>
    public static async Task<byte[]> GetOrCreateAsync(FeedbackDbContext db, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var existing = await FindAsync(db, name, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var secret = new InstallationSecret
        {
            Name = name,
            Value = RandomNumberGenerator.GetBytes(SecretLength),
            CreatedAt = DateTime.UtcNow,
        };
        db.Add(secret);
        try
        {
            // Inside a caller's transaction EF Core saves under a savepoint and rolls back to it on failure, so a
            // unique violation leaves that transaction usable on PostgreSQL too, and the re-read below can run in it.
            await db.SaveChangesAsync(cancellationToken);
            return secret.Value;
        }
        catch (DbUpdateException)
        {
            db.Entry(secret).State = EntityState.Detached;
            var winner = await FindAsync(db, name, cancellationToken);
            if (winner is null)
            {
                throw;
            }

            return winner;
        }
    }

    private static async Task<byte[]?> FindAsync(FeedbackDbContext db, string name, CancellationToken cancellationToken) =>
        await db.InstallationSecrets.AsNoTracking().Where(s => s.Name == name).Select(s => s.Value).SingleOrDefaultAsync(cancellationToken);
}
