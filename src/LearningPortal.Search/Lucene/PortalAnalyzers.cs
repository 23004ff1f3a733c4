using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace LearningPortal.Search.Lucene;

/// <summary>The analyzers of the index: English with stemming for text, plain lower-cased words for spelling.</summary>
internal static class PortalAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Every field: English text, except the spelling field which keeps words as written.</summary>
    public static Analyzer Create() => new PerFieldAnalyzerWrapper(
        new EnglishText(),
        new Dictionary<string, Analyzer> { [IndexFields.Spelling] = new PlainWords() });

    /// <summary>
    /// Unicode word breaking, possessives dropped, lower case, accents folded, common words dropped and Porter
    /// stemming, so "neglected", "neglectful" and "neglect" meet.
    /// </summary>
    internal sealed class EnglishText : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream result = new EnglishPossessiveFilter(Version, source);
            result = new LowerCaseFilter(Version, result);
            result = new ASCIIFoldingFilter(result);
            result = new StopFilter(Version, result, EnglishAnalyzer.DefaultStopSet);
            result = new PorterStemFilter(result);
            return new TokenStreamComponents(source, result);
        }

        // A phrase must not match across two questions for reflection.
        public override int GetPositionIncrementGap(string fieldName) => 100;
    }

    /// <summary>Words as written (lower case, accents folded): the dictionary that "did you mean" draws on.</summary>
    internal sealed class PlainWords : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream result = new LowerCaseFilter(Version, source);
            result = new ASCIIFoldingFilter(result);
            result = new LengthFilter(Version, result, 3, 40);
            return new TokenStreamComponents(source, result);
        }
    }
}
