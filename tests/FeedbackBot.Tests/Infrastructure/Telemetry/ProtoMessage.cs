using Google.Protobuf;

namespace FeedbackBot.Tests.Infrastructure.Telemetry;

/// <summary>
/// One protobuf message read field by field with <see cref="CodedInputStream"/>, without its schema: enough to walk
/// an OTLP request by the field numbers of opentelemetry-proto, and nothing the exporter sends is guessed at from bytes.
/// </summary>
internal sealed class ProtoMessage
{
    private readonly List<(int Number, object Value)> _fields = [];

    private ProtoMessage()
    {
    }

    public static ProtoMessage Parse(ReadOnlySpan<byte> bytes) => Parse(bytes.ToArray());

    private static ProtoMessage Parse(byte[] bytes)
    {
        var message = new ProtoMessage();
        var input = new CodedInputStream(bytes);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            object value = WireFormat.GetTagWireType(tag) switch
            {
                WireFormat.WireType.Varint => input.ReadUInt64(),
                WireFormat.WireType.Fixed64 => input.ReadFixed64(),
                WireFormat.WireType.Fixed32 => input.ReadFixed32(),
                WireFormat.WireType.LengthDelimited => input.ReadBytes(),
                var other => throw new InvalidDataException($"Unexpected protobuf wire type {other} in field {WireFormat.GetTagFieldNumber(tag)}."),
            };
            message._fields.Add((WireFormat.GetTagFieldNumber(tag), value));
        }

        return message;
    }

    public IEnumerable<ProtoMessage> Messages(int number) =>
        _fields.Where(f => f.Number == number).Select(f => Parse(((ByteString)f.Value).ToByteArray()));

    public ProtoMessage? Message(int number) => Messages(number).FirstOrDefault();

    public string? String(int number) => Bytes(number)?.ToStringUtf8();

    public ByteString? Bytes(int number) => _fields.Where(f => f.Number == number).Select(f => (ByteString)f.Value).FirstOrDefault();

    public string Hex(int number) => Bytes(number) is { IsEmpty: false } bytes ? Convert.ToHexStringLower(bytes.Span) : "";

    public ulong? Varint(int number) => _fields.Where(f => f.Number == number).Select(f => (ulong?)f.Value).FirstOrDefault();

    public ulong? Fixed64(int number) => Varint(number);

    public bool Has(int number) => _fields.Any(f => f.Number == number);
}
