using System.Buffers.Binary;

namespace FeedbackBot.Adapters.TeamsApp;

/// <summary>
/// What a PNG file says about itself before its pixels: size, colour type and whether it carries transparency.
/// Enough to check an icon against Teams' rules without decoding it.
/// </summary>
internal sealed record PngHeader(int Width, int Height, int BitDepth, int ColorType, bool HasTransparencyChunk)
{
    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Colour types 4 (grey and alpha) and 6 (RGBA) carry alpha; a tRNS chunk gives other types a transparent colour.</summary>
    public bool HasTransparency => ColorType is 4 or 6 || HasTransparencyChunk;

    /// <returns>The header, or null when <paramref name="data"/> is not a PNG file.</returns>
    public static PngHeader? TryRead(ReadOnlySpan<byte> data)
    {
        const int ChunkOverhead = 12;
        if (data.Length < Signature.Length + ChunkOverhead + 13 || !data[..Signature.Length].SequenceEqual(Signature))
        {
            return null;
        }

        var ihdr = data[Signature.Length..];
        if (BinaryPrimitives.ReadUInt32BigEndian(ihdr) != 13 || !ihdr[4..8].SequenceEqual("IHDR"u8))
        {
            return null;
        }

        var width = BinaryPrimitives.ReadUInt32BigEndian(ihdr[8..]);
        var height = BinaryPrimitives.ReadUInt32BigEndian(ihdr[12..]);
        if (width is 0 or > int.MaxValue || height is 0 or > int.MaxValue)
        {
            return null;
        }

        // tRNS must come before the first IDAT, so the walk stops there.
        var hasTransparency = false;
        var chunk = ihdr[(ChunkOverhead + 13)..];
        while (chunk.Length >= ChunkOverhead)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(chunk);
            var type = chunk[4..8];
            if (type.SequenceEqual("IDAT"u8) || length > (uint)(chunk.Length - ChunkOverhead))
            {
                break;
            }

            hasTransparency |= type.SequenceEqual("tRNS"u8);
            chunk = chunk[(ChunkOverhead + (int)length)..];
        }

        return new PngHeader((int)width, (int)height, ihdr[16], ihdr[17], hasTransparency);
    }
}
