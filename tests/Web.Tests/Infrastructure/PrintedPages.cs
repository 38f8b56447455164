using System.Diagnostics;
using Approval.LocalDatabase;
using Microsoft.Playwright;

namespace Approval.Web.Tests.Infrastructure;

/// <summary>
/// Prints a page the way a clerk's browser does (Chromium's print-to-PDF with the page's own @page rules) and
/// turns the PDF into PNG pages with poppler's pdftoppm, saved beside the screenshots so a person can look at them.
/// </summary>
public static class PrintedPages
{
    public static readonly string Folder = Path.Combine(RepositoryRoot.Find()!, "TestResults", "screenshots", "printed");

    /// <summary>Returns the PNG files, one per printed page, named <paramref name="name"/>-1.png, -2.png ….</summary>
    public static async Task<IReadOnlyList<string>> PrintAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        var pdf = Path.Combine(Folder, name + ".pdf");
        await page.PdfAsync(new() { Path = pdf, PreferCSSPageSize = true, PrintBackground = true });
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        foreach (var old in Directory.GetFiles(Folder, name + "-*.png")) File.Delete(old);
        await RunAsync("pdftoppm", "-png", "-r", "60", pdf, Path.Combine(Folder, name));
        return [.. Directory.GetFiles(Folder, name + "-*.png").Order(StringComparer.Ordinal)];
    }

    /// <summary>The PDF's text, page by page (pdftotext keeps the layout), to assert on what is printed.</summary>
    public static async Task<string> TextAsync(string name)
    {
        var text = Path.Combine(Folder, name + ".txt");
        await RunAsync("pdftotext", "-layout", Path.Combine(Folder, name + ".pdf"), text);
        return await File.ReadAllTextAsync(text);
    }

    /// <summary>Number of pages and each page's size in points, from pdfinfo.</summary>
    public static async Task<(int Pages, string Size)> InfoAsync(string name)
    {
        var output = await RunAsync("pdfinfo", Path.Combine(Folder, name + ".pdf"));
        var lines = output.Split('\n');
        var pages = int.Parse(lines.First(l => l.StartsWith("Pages:", StringComparison.Ordinal))[6..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var size = lines.First(l => l.StartsWith("Page size:", StringComparison.Ordinal))[10..].Trim();
        return (pages, size);
    }

    /// <summary>Each printed page's width and height in points (pdfinfo -f 1 -l N), in page order.</summary>
    public static async Task<IReadOnlyList<(double Width, double Height)>> SizesAsync(string name)
    {
        var output = await RunAsync("pdfinfo", "-f", "1", "-l", "9999", Path.Combine(Folder, name + ".pdf"));
        return [.. System.Text.RegularExpressions.Regex.Matches(output, @"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts").Select(m =>
            (double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)))];
    }

    /// <summary>The PDF's text split into its pages (pdftotext ends each page with a form feed).</summary>
    public static async Task<IReadOnlyList<string>> PagesAsync(string name) =>
        [.. (await TextAsync(name)).Split('\f').SkipLast(1)];

    /// <summary>A4 portrait is 595 × 842 pt, landscape 842 × 595 (Chromium rounds to its own units).</summary>
    public static bool IsA4(double width, double height, bool landscape) =>
        landscape ? Math.Abs(width - 841.9) < 1.5 && Math.Abs(height - 595.3) < 1.5 : Math.Abs(width - 595.3) < 1.5 && Math.Abs(height - 841.9) < 1.5;

    /// <summary>
    /// The corners of the text's line boxes that lie outside the ellipse the element <paramref name="selector"/> draws
    /// with its border (a seal): empty when the text sits inside its oval, as on a stamped form.
    /// </summary>
    public static Task<string[]> TextOutsideOvalAsync(IPage page, string selector) => page.EvaluateAsync<string[]>(@"selector => {
        const seal = document.querySelector(selector);
        if (!seal) return ['no ' + selector];
        const o = seal.getBoundingClientRect(), border = parseFloat(getComputedStyle(seal).borderTopWidth);
        const cx = o.left + o.width / 2, cy = o.top + o.height / 2, a = o.width / 2 - border, b = o.height / 2 - border;
        const range = document.createRange(); range.selectNodeContents(seal);
        const bad = [];
        for (const r of range.getClientRects()) {
          if (r.width === 0) continue;
          for (const [x, y] of [[r.left, r.top], [r.right, r.top], [r.left, r.bottom], [r.right, r.bottom]])
            if (((x - cx) / a) ** 2 + ((y - cy) / b) ** 2 > 1) bad.push(`(${x.toFixed(1)}, ${y.toFixed(1)}) outside ${o.width.toFixed(1)}×${o.height.toFixed(1)}`);
        }
        return bad; }", selector);

    private static async Task<string> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} failed ({process.ExitCode}): {error}");
        return output;
    }
}
