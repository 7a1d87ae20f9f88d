using System.Collections;
using System.Reflection;

namespace FeedbackBot.Tests.Features.Reviews.Rendering;

/// <summary>
/// Compares two object graphs by value: records property by property, lists item by item, dictionaries key by key.
/// The review records hold lists, which records compare by reference, so their own equality cannot tell.
/// </summary>
internal static class StructuralEquality
{
    public static void AssertEqual(object? expected, object? actual, string path = "review")
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{path}: expected {expected ?? "null"}, got {actual ?? "null"}");
            return;
        }

        switch (expected)
        {
            case string or double or int or long or bool or DateOnly:
                Assert.True(expected.Equals(actual), $"{path}: expected {expected}, got {actual}");
                return;
            case DateTime instant:
                var other = Assert.IsType<DateTime>(actual);
                Assert.True(instant.Ticks == other.Ticks && other.Kind == DateTimeKind.Utc, $"{path}: expected {instant:O}, got {other:O} ({other.Kind})");
                return;
            case IDictionary dictionary:
                var actualDictionary = Assert.IsAssignableFrom<IDictionary>(actual);
                Assert.True(dictionary.Count == actualDictionary.Count, $"{path}: expected {dictionary.Count} keys, got {actualDictionary.Count}");
                foreach (DictionaryEntry entry in dictionary)
                {
                    Assert.True(actualDictionary.Contains(entry.Key), $"{path}: key {entry.Key} missing");
                    AssertEqual(entry.Value, actualDictionary[entry.Key], $"{path}[{entry.Key}]");
                }

                return;
            case IEnumerable list:
                var expectedItems = list.Cast<object?>().ToList();
                var actualItems = Assert.IsAssignableFrom<IEnumerable>(actual).Cast<object?>().ToList();
                Assert.True(expectedItems.Count == actualItems.Count, $"{path}: expected {expectedItems.Count} items, got {actualItems.Count}");
                for (var i = 0; i < expectedItems.Count; i++)
                {
                    AssertEqual(expectedItems[i], actualItems[i], $"{path}[{i}]");
                }

                return;
            default:
                Assert.True(expected.GetType() == actual.GetType(), $"{path}: expected a {expected.GetType().Name}, got a {actual.GetType().Name}");
                foreach (var property in expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    AssertEqual(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}");
                }

                return;
        }
    }
}
