namespace FeedbackBot.Core.Analysis.Statistics;

/// <summary>The argument checks shared by the statistics, so every function rejects bad input the same way.</summary>
internal static class Guard
{
    public static void Count(long value, string name)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "A count cannot be negative.");
        }
    }

    public static void Positive(long value, string name)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "Needs at least one answer.");
        }
    }

    public static void AtLeastTwo(long value, string name)
    {
        Count(value, name);
        if (value < 2)
        {
            // A sample standard deviation, and so any t multiplier, needs two observations.
            throw new ArgumentException($"Needs at least two observations; got {value}.", name);
        }
    }

    public static void Part(long part, long whole, string name)
    {
        Count(part, name);
        if (part > whole)
        {
            throw new ArgumentOutOfRangeException(name, part, $"Cannot exceed the total of {whole}.");
        }
    }

    public static void Finite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be a finite number.");
        }
    }

    public static void StandardDeviation(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "A standard deviation must be finite and not negative.");
        }
    }
}
