using B12Bot.Conversation.Privacy;

namespace B12Bot.Conversation.Tests.Content;

public sealed class TranscriptRedactorTests
{
    [Theory]
    [InlineData("call me at 555-201-7788 please", "call me at [phone] please")]
    [InlineData("(555) 201-7788", "[phone]")]
    [InlineData("my cell is 555.201.7788.", "my cell is [phone].")]
    [InlineData("5552017788", "[phone]")]
    [InlineData("+1 555 201 7788 after 5", "[phone] after 5")]
    [InlineData("uk: +44 20 7946 0958", "uk: [phone]")]
    [InlineData("ring 201-7788", "ring [phone]")]
    public void Phone_numbers_are_redacted(string message, string expected) => Assert.Equal(expected, TranscriptRedactor.Redact(message));

    [Theory]
    [InlineData("email jane.doe+b12@clinic-mail.example.com", "email [email]")]
    [InlineData("JANE_DOE@EXAMPLE.ORG is mine", "[email] is mine")]
    [InlineData("write to jane (at) example (dot) com", "write to [email]")]
    public void Email_addresses_are_redacted(string message, string expected) => Assert.Equal(expected, TranscriptRedactor.Redact(message));

    [Theory]
    [InlineData("born 03/14/1961", "born [date]")]
    [InlineData("dob 3/14/61", "dob [date]")]
    [InlineData("dob: 14.03.1961", "dob: [date]")]
    [InlineData("1961-03-14", "[date]")]
    [InlineData("03-14-1961", "[date]")]
    [InlineData("born March 14, 1961", "born [date]")]
    [InlineData("born mar 14th 61", "born [date]")]
    [InlineData("born 14 March 1961", "born [date]")]
    [InlineData("on the 14th of march", "on the [date]")]
    public void Dates_of_birth_are_redacted(string message, string expected) => Assert.Equal(expected, TranscriptRedactor.Redact(message));

    [Theory]
    [InlineData("is 1000 mcg of b12 too much?")]
    [InlineData("I had 2 shots in 3 weeks")]
    [InlineData("my level was 180 pg/mL")]
    [InlineData("can I take b12 with metformin 500 mg twice a day")]
    [InlineData("may I drive after the shot")]
    public void Ordinary_questions_with_numbers_stay_readable(string message) => Assert.Equal(message, TranscriptRedactor.Redact(message));

    [Fact]
    public void Several_identifiers_in_one_message_all_go()
    {
        var redacted = TranscriptRedactor.Redact("I'm Jane, born 1961-03-14, reach me at jane@example.com or 555 201 7788");

        Assert.Equal("I'm Jane, born [date], reach me at [email] or [phone]", redacted);
    }
}
