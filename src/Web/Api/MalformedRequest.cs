using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Approval.Web;

/// <summary>
/// What was wrong with a request body the server could not read, in Chinese and naming the field and what it takes: the
/// JSON reader's own message names the body's type, not the field's ("could not be converted to …DraftSubmission. Path:
/// $.title"), so the field's type is found from the endpoint's request type along the path.
/// </summary>
public static partial class MalformedRequest
{
    public static string Describe(Exception exception, Type? body = null)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is JsonException json) return Describe(json.Message, json.Path?.TrimStart('$').TrimStart('.'), body);
        return "请求格式不正确";
    }

    /// <summary>The Chinese sentence for a JSON reader's complaint about a field (its path without "$."), given the body's type when known.</summary>
    public static string Describe(string message, string? field, Type? body)
    {
        if (string.IsNullOrEmpty(field)) return InvalidText().IsMatch(message) ? "请求中含有无效的字符（如单独的代理项或错误的编码）" : "请求内容不是有效的 JSON";
        // A body cut off or mistyped at a field ({"id":) is not JSON at all: the field's type is not what went wrong.
        if (!InvalidText().IsMatch(message) && !message.Contains("could not be converted", StringComparison.Ordinal))
            return $"请求内容不是有效的 JSON（读到「{field}」时出错：内容不完整或有语法错误）";
        var expected = body is null ? null : TypeAt(body, field);
        return expected is null
            ? $"请求内容中「{field}」的值无法读取：类型或格式不对，或含有无效的字符"
            : $"请求内容中「{field}」的值无法读取：应为{Spaced(Expected(expected))}";
    }

    /// <summary>The type a JSON path ("content.projectForm.indicators[0].weight") leads to in <paramref name="type"/>, or null.</summary>
    private static Type? TypeAt(Type type, string path)
    {
        foreach (var step in PathSteps().Matches(path).Select(m => m.Value))
        {
            if (step.StartsWith('[')) { type = ElementOf(type) ?? type; continue; }
            var property = Unwrap(type).GetProperty(step, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null) return null;
            type = property.PropertyType;
        }
        return type;
    }

    private static Type Unwrap(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    private static Type? ElementOf(Type type) =>
        type.IsArray ? type.GetElementType()
        : type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && type.IsGenericType ? type.GetGenericArguments()[^1]
        : null;

    // Text: the reader's message is the same for a number sent and for a lone surrogate inside the text, so both are named.
    private static string Expected(Type type)
    {
        var t = Unwrap(type);
        if (t == typeof(string)) return "文本（不含单独的代理项等无效字符）";
        if (t.IsEnum) return "以下之一：" + string.Join("、", Enum.GetNames(t));
        if (t == typeof(bool)) return "true 或 false";
        if (t == typeof(Guid)) return "GUID 格式的编号";
        if (t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset)) return "日期（写作 2022-08-10）";
        if (t.IsPrimitive || t == typeof(decimal)) return "数字（不超出范围）";
        if (ElementOf(t) is not null) return "列表（数组）";
        return "对象（{…}）";
    }

    /// <summary>A space between the Chinese and a Latin word that follows it (应为 true 或 false).</summary>
    private static string Spaced(string text) => char.IsAsciiLetter(text[0]) ? " " + text : text;

    [GeneratedRegex(@"\[\d*\]|[^.\[\]]+")]
    private static partial Regex PathSteps();

    [GeneratedRegex("surrogate|UTF-16|UTF-8|invalid within a JSON string|Invalid escap", RegexOptions.IgnoreCase)]
    private static partial Regex InvalidText();
}
