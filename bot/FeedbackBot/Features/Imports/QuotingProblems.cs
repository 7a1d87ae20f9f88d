namespace FeedbackBot.Features.Imports;

/// <summary>Finds the field of a raw record whose quoting is broken, to name its column in the error.</summary>
internal static class QuotingProblems
{
    public static int FieldIndex(string raw)
    {
        var field = 0;
        var i = 0;
        while (i <= raw.Length)
        {
            if (i < raw.Length && raw[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= raw.Length)
                    {
                        return field;
                    }

                    if (raw[i] == '"')
                    {
                        if (i + 1 < raw.Length && raw[i + 1] == '"')
                        {
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    i++;
                }

                if (i < raw.Length && raw[i] != ',' && raw[i] != '\r' && raw[i] != '\n')
                {
                    return field;
                }
            }
            else
            {
                var end = raw.IndexOf(',', i);
                var text = end < 0 ? raw[i..] : raw[i..end];
                if (text.Contains('"', StringComparison.Ordinal))
                {
                    return field;
                }

                i = end < 0 ? raw.Length : end;
            }

            if (i >= raw.Length || raw[i] != ',')
            {
                return -1;
            }

            i++;
            field++;
        }

        return -1;
    }
}
