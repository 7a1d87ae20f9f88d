using System.Buffers.Binary;
using System.IO.Compression;

namespace FeedbackBot.Tests.Adapters.TeamsApp;

/// <summary>
/// A PNG decoded to RGBA pixels, independently of the production header reader, so the tests see what Teams sees:
/// chunks checked against their CRCs, IDAT inflated, scanline filters undone. Handles the non-interlaced 8-bit
/// grey, RGB, grey-alpha and RGBA images an icon tool writes, and says so when given anything else.
/// </summary>
internal sealed class PngImage
{
    private static readonly uint[] CrcTable = MakeCrcTable();
    private readonly byte[] _rgba;

    private PngImage(int width, int height, byte[] rgba)
    {
        Width = width;
        Height = height;
        _rgba = rgba;
    }

    public int Width { get; }

    public int Height { get; }

    public (byte R, byte G, byte B, byte A) this[int x, int y]
    {
        get
        {
            var i = ((y * Width) + x) * 4;
            return (_rgba[i], _rgba[i + 1], _rgba[i + 2], _rgba[i + 3]);
        }
    }

    public IEnumerable<(byte R, byte G, byte B, byte A)> Pixels()
    {
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                yield return this[x, y];
            }
        }
    }

    public static PngImage Decode(byte[] file)
    {
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        if (file.Length < 8 || !file.AsSpan(0, 8).SequenceEqual(signature))
        {
            throw new InvalidDataException("Not a PNG: the signature is wrong.");
        }

        int width = 0, height = 0, colorType = -1;
        using var idat = new MemoryStream();
        var position = 8;
        var ended = false;
        while (!ended)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(position));
            var typeAndData = file.AsSpan(position + 4, 4 + length);
            var type = System.Text.Encoding.ASCII.GetString(typeAndData[..4]);
            var data = typeAndData[4..];
            if (Crc(typeAndData) != BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(position + 8 + length)))
            {
                throw new InvalidDataException($"Chunk {type} fails its CRC.");
            }

            switch (type)
            {
                case "IHDR":
                    width = (int)BinaryPrimitives.ReadUInt32BigEndian(data);
                    height = (int)BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
                    colorType = data[9];
                    if (data[8] != 8 || data[12] != 0 || colorType is not (0 or 2 or 4 or 6))
                    {
                        throw new NotSupportedException($"Bit depth {data[8]}, colour type {colorType}, interlace {data[12]}: not decoded here.");
                    }

                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
                case "IEND":
                    ended = true;
                    break;
            }

            position += 12 + length;
        }

        var channels = colorType switch { 0 => 1, 2 => 3, 4 => 2, _ => 4 };
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        var raw = Unfilter(inflated.ToArray(), width, height, channels);
        var rgba = new byte[width * height * 4];
        for (var i = 0; i < width * height; i++)
        {
            var p = raw.AsSpan(i * channels, channels);
            (rgba[i * 4], rgba[(i * 4) + 1], rgba[(i * 4) + 2], rgba[(i * 4) + 3]) = channels switch
            {
                1 => (p[0], p[0], p[0], (byte)255),
                2 => (p[0], p[0], p[0], p[1]),
                3 => (p[0], p[1], p[2], (byte)255),
                _ => (p[0], p[1], p[2], p[3]),
            };
        }

        return new PngImage(width, height, rgba);
    }

    private static byte[] Unfilter(byte[] data, int width, int height, int bytesPerPixel)
    {
        var stride = width * bytesPerPixel;
        if (data.Length != height * (stride + 1))
        {
            throw new InvalidDataException($"Image data is {data.Length} bytes; {width}x{height} needs {height * (stride + 1)}.");
        }

        var output = new byte[height * stride];
        for (var y = 0; y < height; y++)
        {
            var filter = data[y * (stride + 1)];
            for (var x = 0; x < stride; x++)
            {
                var value = data[(y * (stride + 1)) + 1 + x];
                int left = x >= bytesPerPixel ? output[(y * stride) + x - bytesPerPixel] : 0;
                int up = y > 0 ? output[((y - 1) * stride) + x] : 0;
                int upLeft = x >= bytesPerPixel && y > 0 ? output[((y - 1) * stride) + x - bytesPerPixel] : 0;
                var predicted = filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"Row {y} has filter type {filter}."),
                };
                output[(y * stride) + x] = (byte)(value + predicted);
            }
        }

        return output;
    }

    private static int Paeth(int left, int up, int upLeft)
    {
        var estimate = left + up - upLeft;
        var toLeft = Math.Abs(estimate - left);
        var toUp = Math.Abs(estimate - up);
        var toUpLeft = Math.Abs(estimate - upLeft);
        return toLeft <= toUp && toLeft <= toUpLeft ? left : toUp <= toUpLeft ? up : upLeft;
    }

    private static uint Crc(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] MakeCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
