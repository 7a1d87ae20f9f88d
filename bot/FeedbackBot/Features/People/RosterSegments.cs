using FeedbackBot.Data.Entities;

namespace FeedbackBot.Features.People;

/// <summary>
/// How a roster sets a person's segments. Each value remembers which roster set it, so that rosters from two sources
/// do not undo each other: the CSV roster owns what it set, a platform fills in only what nobody else set.
/// </summary>
internal static class RosterSegments
{
    /// <summary>
    /// A CSV row: its values replace those the same source set before; a value it does not give (an empty cell, a
    /// column dropped since) is removed if that source set it, and a value set by a platform stays.
    /// </summary>
    /// <returns>Whether anything changed.</returns>
    public static bool Replace(Person person, IReadOnlyList<KeyValuePair<string, string?>> values, string source)
    {
        var given = values.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => v.Value!, StringComparer.Ordinal);
        var changed = false;
        foreach (var stale in person.Segments.Where(s => s.Source == source && !given.ContainsKey(s.Name)).ToList())
        {
            person.Segments.Remove(stale);
            changed = true;
        }

        foreach (var (name, value) in given)
        {
            changed |= Set(person, name, value, source);
        }

        return changed;
    }

    /// <summary>
    /// A platform's values (Slack's title): set where no other roster set the attribute, and removed when the platform
    /// no longer gives one it set. A value the CSV roster set is never changed.
    /// </summary>
    /// <param name="person">The person, with their segments loaded.</param>
    /// <param name="names">The attributes the platform gives at all; others are not touched.</param>
    /// <param name="values">The values it gives this person.</param>
    /// <param name="source">The platform's roster source.</param>
    /// <returns>Whether anything changed.</returns>
    public static bool Fill(Person person, IReadOnlyCollection<string> names, IReadOnlyDictionary<string, string> values, string source)
    {
        var changed = false;
        foreach (var name in names)
        {
            var existing = person.Segments.FirstOrDefault(s => s.Name == name);
            if (existing is not null && existing.Source != source)
            {
                continue;
            }

            if (values.TryGetValue(name, out var value))
            {
                changed |= Set(person, name, value, source);
            }
            else if (existing is not null)
            {
                person.Segments.Remove(existing);
                changed = true;
            }
        }

        return changed;
    }

    private static bool Set(Person person, string name, string value, string source)
    {
        var existing = person.Segments.FirstOrDefault(s => s.Name == name);
        if (existing is null)
        {
            person.Segments.Add(new PersonSegment { PersonId = person.Id, Name = name, Value = value, Source = source });
            return true;
        }

        if (existing.Value == value && existing.Source == source)
        {
            return false;
        }

        existing.Value = value;
        existing.Source = source;
        return true;
    }
}
