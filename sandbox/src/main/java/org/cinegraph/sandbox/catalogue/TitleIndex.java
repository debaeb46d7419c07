package org.cinegraph.sandbox.catalogue;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The words of many titles, each pointing at the handles (ordinals, positions) of the titles that hold it, so a
 * search intersects a few sorted arrays instead of reading every title: over a benchmark's million generated
 * movies a scan would make a million titles for each query. Words are folded so that a search ignores case and
 * accents, as TMDb's does: "amelie" finds "Amélie".
 */
public final class TitleIndex {

    private static final int[] NONE = new int[0];

    private final Map<String, int[]> handlesByWord;
    private final int[] wordCounts;

    private TitleIndex(Map<String, int[]> handlesByWord, int[] wordCounts) {
        this.handlesByWord = handlesByWord;
        this.wordCounts = wordCounts;
    }

    /** Reads the titles of handles 0 to {@code size - 1} once, in order. */
    public static TitleIndex of(int size, IntFunction<String> titleAt) {
        Map<String, Postings> postings = new HashMap<>();
        int[] wordCounts = new int[size];
        for (int handle = 0; handle < size; handle++) {
            List<String> words = words(titleAt.apply(handle));
            wordCounts[handle] = words.size();
            for (String word : words) {
                postings.computeIfAbsent(word, absent -> new Postings()).add(handle);
            }
        }
        Map<String, int[]> handlesByWord = new HashMap<>(postings.size() * 2);
        postings.forEach((word, handles) -> handlesByWord.put(word, handles.toArray()));
        return new TitleIndex(handlesByWord, wordCounts);
    }

    /**
     * Whether a title is the query itself, word for word: most matches of a short query have more words than
     * it, and are told apart without making their title again.
     */
    public boolean isExactly(int handle, List<String> words, IntFunction<String> titleAt) {
        return wordCounts[handle] == words.size() && words(titleAt.apply(handle)).equals(words);
    }

    /** The handles whose title holds every one of {@code words}, ascending; none for no words. */
    public int[] matching(List<String> words) {
        if (words.isEmpty()) {
            return NONE;
        }
        List<int[]> lists = new ArrayList<>(words.size());
        for (String word : words) {
            int[] handles = handlesByWord.get(word);
            if (handles == null) {
                return NONE;
            }
            lists.add(handles);
        }
        // The rarest word bounds the answer: every other list is only probed for its handles.
        lists.sort(Comparator.comparingInt(handles -> handles.length));
        int[] rarest = lists.get(0);
        List<int[]> others = lists.subList(1, lists.size());
        return Arrays.stream(rarest)
                .filter(handle -> others.stream().allMatch(handles -> Arrays.binarySearch(handles, handle) >= 0))
                .toArray();
    }

    /**
     * A text's words as a search compares them: without accents, in lower case, split at anything that is
     * neither letter nor digit; apostrophes join rather than split, so "Schindlers" finds "Schindler's".
     */
    public static List<String> words(String text) {
        String folded = isAscii(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFKD);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                word.append(Character.toLowerCase(c));
            } else if (!joinsWord(c) && !word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    /** An accent the normalizer took off its letter, or an apostrophe. */
    private static boolean joinsWord(char c) {
        return c == '\'' || c == '\u2019' || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    /** Generated titles are plain ASCII, and a benchmark folds a million of them: they skip the normalizer. */
    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 127) {
                return false;
            }
        }
        return true;
    }

    /** A growing array of ascending handles, each once even when a title repeats a word. */
    private static final class Postings {

        private int[] handles = new int[4];
        private int size;

        void add(int handle) {
            if (size > 0 && handles[size - 1] == handle) {
                return;
            }
            if (size == handles.length) {
                handles = Arrays.copyOf(handles, size * 2);
            }
            handles[size++] = handle;
        }

        int[] toArray() {
            return Arrays.copyOf(handles, size);
        }
    }
}
