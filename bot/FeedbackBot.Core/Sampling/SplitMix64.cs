namespace FeedbackBot.Core.Sampling;

/// <summary>
/// Steele, Lea and Flood's SplitMix64 generator (as published by Vigna), our own so that a seed recorded with a cycle
/// reproduces its draw on every .NET version: System.Random promises no fixed sequence for a seed.
/// </summary>
internal sealed class SplitMix64(ulong seed)
{
    private const ulong Gamma = 0x9E3779B97F4A7C15;

    private ulong _state = seed;

    /// <summary>The next 64 bits of the sequence.</summary>
    public ulong Next()
    {
        unchecked
        {
            _state += Gamma;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            return z ^ (z >> 31);
        }
    }

    /// <summary>
    /// A uniform integer in [0, <paramref name="bound"/>). Outputs below 2⁶⁴ mod bound are drawn again, so every
    /// residue is equally likely; a plain modulo would favour the small ones.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The bound is zero.</exception>
    public ulong NextBelow(ulong bound)
    {
        ArgumentOutOfRangeException.ThrowIfZero(bound);
        var threshold = unchecked(0UL - bound) % bound;
        while (true)
        {
            var value = Next();
            if (value >= threshold)
            {
                return value % bound;
            }
        }
    }
}
