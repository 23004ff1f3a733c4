using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace LearningPortal.Tests.ImportFixtures;

/// <summary>Small, real PNG images for the fixtures, written by hand (signature, IHDR, zlib IDAT, IEND, each with its CRC).</summary>
public static class TestImages
{
    private static readonly uint[] CrcTable = [.. Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++)
        {
            c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }

        return c;
    })];

    /// <summary>A <paramref name="width"/> by <paramref name="height"/> RGB image: two colour bands, so it is a picture and not a blank.</summary>
    public static byte[] Png(int width, int height, (byte R, byte G, byte B) top, (byte R, byte G, byte B) bottom)
    {
        var raw = new byte[height * ((width * 3) + 1)];
        for (var y = 0; y < height; y++)
        {
            var row = y * ((width * 3) + 1);
            var colour = y < height / 2 ? top : bottom;
            for (var x = 0; x < width; x++)
            {
                raw[row + 1 + (x * 3)] = colour.R;
                raw[row + 2 + (x * 3)] = colour.G;
                raw[row + 3 + (x * 3)] = colour.B;
            }
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 2;
        Chunk(png, "IHDR", header);
        using (var data = new MemoryStream())
        {
            using (var zlib = new ZLibStream(data, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(raw);
            }

            Chunk(png, "IDAT", data.ToArray());
        }

        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A chart-like picture: blue over green, 120 by 80.</summary>
    public static byte[] Chart() => Png(120, 80, (29, 112, 184), (0, 112, 60));

    /// <summary>A logo-like picture: black over yellow, 64 by 64.</summary>
    public static byte[] Logo() => Png(64, 64, (11, 12, 12), (255, 221, 0));

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        png.Write(typeBytes);
        png.Write(data);
        var crc = 0xFFFFFFFFu;
        foreach (var b in typeBytes.Concat(data))
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        BinaryPrimitives.WriteUInt32BigEndian(number, crc ^ 0xFFFFFFFFu);
        png.Write(number);
    }
}
