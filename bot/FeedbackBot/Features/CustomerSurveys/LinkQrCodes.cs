using QRCoder;

namespace FeedbackBot.Features.CustomerSurveys;

/// <summary>
/// A survey link as a QR code for print: a PNG for documents and an SVG for print shops, black on white with the
/// standard quiet zone, at error correction level M (15% of the code may be smudged and it still reads).
/// </summary>
internal static class LinkQrCodes
{
    // Ten pixels a module: a 2 cm code on paper at 300 dpi, and sharp on a screen.
    private const int PixelsPerModule = 10;

    public static async Task WriteAsync(string folder, string name, Uri link, CancellationToken cancellationToken)
    {
        using var data = QRCodeGenerator.GenerateQrCode(link.AbsoluteUri, QRCodeGenerator.ECCLevel.M);
        await File.WriteAllBytesAsync(Path.Combine(folder, name + ".png"), new PngByteQRCode(data).GetGraphic(PixelsPerModule), cancellationToken);
        var svg = new SvgQRCode(data).GetGraphic(PixelsPerModule, "#000000", "#ffffff", drawQuietZones: true);
        await File.WriteAllTextAsync(Path.Combine(folder, name + ".svg"), svg, cancellationToken);
    }
}
