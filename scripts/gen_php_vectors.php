<?php
/**
 * Generates the PHP test vectors used by tests/unit/wp/test_php.py.
 *
 * Run with a real PHP 8.2 CLI (Debian: apt-get install php-cli):
 *
 *     php scripts/gen_php_vectors.php > tests/unit/php/vectors/php_vectors.json
 *
 * The output is one JSON object with one array per function family. PHP values
 * are written in a tagged form so that the Python side can rebuild them exactly:
 *   null, bool, int       as JSON null / true / false / integer
 *   string (valid UTF-8)  as a JSON string
 *   string (other bytes)  as {"b": base64}
 *   float                 as {"f": 16 hex digits of the IEEE-754 big-endian double}
 *   array                 as {"a": [[key, value], ...]} in PHP order (key int or string)
 *   object                as {"o": class name, "p": [[property, value], ...]}
 * The generator is deterministic: fuzz inputs come from mt_srand() with fixed seeds.
 */

declare(strict_types=1);

ini_set('serialize_precision', '-1');
ini_set('precision', '14');
ini_set('max_input_vars', '1000');
ini_set('max_input_nesting_level', '64');
ini_set('unserialize_max_depth', '4096');
error_reporting(E_ALL);
ini_set('display_errors', '0');
ini_set('log_errors', '0');

$GLOBALS['php_errors'] = 0;
set_error_handler(static function (int $no, string $msg): bool {
    $GLOBALS['php_errors']++;
    return true;
});

function tag_str(string $s)
{
    return preg_match('//u', $s) === 1 ? $s : ['b' => base64_encode($s)];
}

function tag_float(float $f): array
{
    return ['f' => bin2hex(pack('E', $f))];
}

function tag($v)
{
    if ($v === null || is_bool($v) || is_int($v)) {
        return $v;
    }
    if (is_float($v)) {
        return tag_float($v);
    }
    if (is_string($v)) {
        return tag_str($v);
    }
    if (is_array($v)) {
        $items = [];
        foreach ($v as $k => $x) {
            $items[] = [is_int($k) ? $k : tag_str($k), tag($x)];
        }
        return ['a' => $items];
    }
    if (is_object($v)) {
        $props = (array) $v;
        $class = get_class($v);
        if ($v instanceof __PHP_Incomplete_Class) {
            $class = $props['__PHP_Incomplete_Class_Name'];
            unset($props['__PHP_Incomplete_Class_Name']);
        }
        $items = [];
        foreach ($props as $k => $x) {
            $items[] = [tag_str((string) $k), tag($x)];
        }
        return ['o' => $class, 'p' => $items];
    }
    throw new RuntimeException('cannot tag ' . gettype($v));
}

/** Deterministic random string over an alphabet (array of byte strings). */
function rand_str(array $alphabet, int $min, int $max): string
{
    $n = mt_rand($min, $max);
    $s = '';
    for ($i = 0; $i < $n; $i++) {
        $s .= $alphabet[mt_rand(0, count($alphabet) - 1)];
    }
    return $s;
}

/** Deterministic mutation of a seed: delete, insert, replace or duplicate a span. */
function mutate(string $s, array $insertions): string
{
    $steps = mt_rand(1, 3);
    for ($i = 0; $i < $steps; $i++) {
        $len = strlen($s);
        $pos = $len ? mt_rand(0, $len - 1) : 0;
        switch (mt_rand(0, 3)) {
            case 0:
                $s = substr($s, 0, $pos) . substr($s, $pos + 1);
                break;
            case 1:
                $s = substr($s, 0, $pos) . $insertions[mt_rand(0, count($insertions) - 1)] . substr($s, $pos);
                break;
            case 2:
                $s = substr($s, 0, $pos) . $insertions[mt_rand(0, count($insertions) - 1)] . substr($s, $pos + 1);
                break;
            default:
                $span = substr($s, $pos, mt_rand(1, 6));
                $s = substr($s, 0, $pos) . $span . substr($s, $pos);
        }
    }
    return $s;
}

function random_double(): float
{
    do {
        $f = unpack('E', pack('NN', mt_rand(0, 0x7FFFFFFF) | (mt_rand(0, 1) << 31), mt_rand(0, 0x7FFFFFFF) | (mt_rand(0, 1) << 31)))[1];
    } while (is_nan($f) || is_infinite($f));
    return $f;
}

// ---------------------------------------------------------------- values ----

$obj = new stdClass();
$obj->name = 'Jetpack';
$obj->{'5'} = 'numeric property';
$obj->nested = ['a' => 1, 'b' => [1.5, null]];
$empty_obj = new stdClass();
$shared = new stdClass();
$shared->id = 7;

$floats = [0.1, 1.0, -0.0, 0.0, 1e25, 1.5e-7, 1e15, 1e16, 1e17, 1e-4, 1e-5, 100.0, -1.5, 0.30000000000000004,
    123456789012345678.0, 1.7976931348623157e308, 5e-324, 2.2250738585072014e-308, 1e21, 1e22, 0.5, 2.5, 1e14,
    99999999999999.9, 999999999999999.9, 4.76837158203125e-07, 9.5367431640625e-07, 1.00000000000005,
    3.14159265358979, 123456.789, -1e-7, 9007199254740993.0, 1.0E+100, 12345678901234567890.0];

$values = [
    null, true, false, 0, 1, -1, PHP_INT_MAX, PHP_INT_MIN, '', 'abc', "multi\nline\t\"quoted\" \\ /slash/",
    'é', '日本語', '😀 emoji', "\x00nul\x01ctrl\x1f\x7f", "\xff\xfe invalid utf8", "\xc3", '<a href="x">&amp;\'</a>',
    "\u{2028}\u{2029}", '0', '5', '1.5', '1e3',
    [], [1, 2, 3], ['a' => 1, 'b' => 2], [1 => 'a', 2 => 'b'], [1 => 'x', 0 => 'y'], [0 => 'x', 2 => 'y'],
    ['5' => 'five', '05' => 'zero-five', '-5' => 'minus', '-0' => 'minus zero', '' => 'empty', '9223372036854775808' => 'big'],
    [[[]]], ['x' => []], ['list' => [1, [2, [3, ['deep' => true]]]], 'map' => ['k' => 'v']],
    ['float' => 1.0, 'floats' => [0.1, 1e25, -0.0]],
    ['jetpack_options' => ['id' => 123, 'version' => '10.7:1650000000', 'old_version' => '10.6:1640000000'],
        'active_modules' => ['stats', 'sso', 'publicize'], 'dismissed' => ['connection-notice' => true]],
    $obj, $empty_obj, [$shared, $shared, 'x' => $shared], ['o' => $empty_obj],
];
foreach ($floats as $f) {
    $values[] = $f;
}

// ------------------------------------------------------------- serialize ----

$serialize = [];
foreach ($values as $v) {
    $serialize[] = ['in' => tag($v), 'out' => tag_str(serialize($v))];
}
foreach ([NAN, INF, -INF] as $f) {
    $serialize[] = ['in' => tag($f), 'out' => tag_str(serialize($f))];
}
mt_srand(1001);
for ($i = 0; $i < 300; $i++) {
    $f = random_double();
    $serialize[] = ['in' => tag($f), 'out' => tag_str(serialize($f))];
}
for ($i = 0; $i < 100; $i++) {
    $f = mt_rand(0, 100000000) / (10 ** mt_rand(0, 12)) * (10 ** mt_rand(0, 25));
    $serialize[] = ['in' => tag($f), 'out' => tag_str(serialize($f))];
}

// ----------------------------------------------------------- unserialize ----

$unser_inputs = [
    'N;', 'b:1;', 'b:0;', 'b:2;', 'i:5;', 'i:-5;', 'i:+5;', 'i:05;', 'i:9223372036854775807;', 'i:-9223372036854775808;',
    'i:9223372036854775808;', 'i:;', 'i:5', 'd:0.1;', 'd:1;', 'd:-0;', 'd:.5;', 'd:5.;', 'd:1e5;', 'd:1E+25;', 'd:1.5E-7;',
    'd:INF;', 'd:-INF;', 'd:NAN;', 'd:+INF;', 'd:inf;', 'd:1e;', 'd:--1;', 'd:;',
    's:0:"";', 's:3:"abc";', 's:2:"abc";', 's:4:"abc";', 's:3:"abc"', 's:3:"abc":', 's:-1:"";', 's:2:"é";', 's:1:"é";',
    "s:4:\"a\"b\";", "s:3:\"\xff\x00\x01\";", 's:999999999999:"x";', 's:3:"abc";trailing', 'i:5;i:6;',
    'a:0:{}', 'a:1:{i:0;s:1:"a";}', 'a:2:{i:0;i:1;i:1;i:2;}', 'a:2:{i:1;i:1;i:0;i:2;}', 'a:1:{s:1:"5";b:1;}',
    'a:1:{s:2:"05";b:1;}', 'a:1:{s:2:"-5";b:1;}', 'a:1:{d:1.5;i:1;}', 'a:1:{b:1;i:1;}', 'a:1:{N;i:1;}',
    'a:2:{i:0;i:1;i:0;i:2;}', 'a:2:{i:0;i:1;}', 'a:1:{i:0;i:1;i:1;i:2;}', 'a:1:{i:0;i:1;', 'a:1:{i:0;i:1;]',
    'a:-1:{}', 'a:99999999:{i:0;i:1;}', 'a:1:{i:0;a:1:{i:0;a:0:{}}}', 'a:1:{s:3:"key";a:2:{i:0;d:0.5;i:1;N;}}',
    'O:8:"stdClass":0:{}', 'O:8:"stdClass":1:{s:1:"a";i:1;}', 'O:8:"stdClass":1:{i:5;i:1;}', 'O:3:"Foo":1:{s:1:"x";s:1:"y";}',
    "O:3:\"Foo\":2:{s:6:\"\x00Foo\x00p\";i:1;s:4:\"\x00*\x00q\";i:2;}", 'O:7:"stdClass":0:{}', 'O:0:"":0:{}', 'O:3:"1ab":0:{}',
    'O:7:"Foo\\Bar":0:{}', 'O:8:"stdClass":1:{d:1;i:1;}', 'O:8:"stdClass":0:{', 'C:3:"Foo":0:{}', 'E:7:"Foo:Bar";',
    'a:2:{i:0;O:8:"stdClass":0:{}i:1;r:2;}', 'a:2:{i:0;a:1:{i:0;i:5;}i:1;r:2;}', 'a:2:{i:0;i:7;i:1;R:2;}',
    'a:3:{i:0;O:8:"stdClass":1:{s:1:"a";i:1;}i:1;i:9;i:2;r:2;}', 'a:2:{i:0;i:7;i:1;R:9;}', 'a:2:{i:0;i:7;i:1;r:0;}',
    'a:3:{i:0;i:5;i:1;R:2;i:2;R:3;}', 'a:3:{i:0;i:5;i:1;R:2;i:2;R:4;}', 'S:3:"abc";',
    '', ' ', 'x', 'N', 'N; ', ' N;', "b:1;\n", 'a:1:{i:0;N;} ', 'a:1:{i:0;N;}}',
    'a:3:{s:6:"stream";s:5:"width";s:4:"zero";i:0;s:5:"float";d:1.25;}',
    'a:4:{s:7:"version";s:16:"10.7:1650000000";s:11:"old_version";s:16:"10.6:1640000000";s:2:"id";i:123;s:6:"public";i:1;}',
    'a:2:{i:0;s:5:"stats";i:1;s:3:"sso";}', 'a:1:{s:17:"connection-notice";b:1;}',
];
foreach ($values as $v) {
    $unser_inputs[] = serialize($v);
}
mt_srand(2002);
$unser_seeds = [serialize(['a' => [1, 2.5, 'x'], 'b' => null, 'c' => true]), serialize($obj), 'a:1:{i:0;s:3:"abc";}',
    serialize([$shared, $shared]), 'd:1.5E+25;', 'i:-42;'];
$unser_ins = ['a', 's', 'i', 'd', 'b', 'N', 'O', ':', ';', '{', '}', '"', '0', '1', '9', '-', '.', 'E', 'r', 'R', "\x00", "\xff"];
for ($i = 0; $i < 400; $i++) {
    $unser_inputs[] = mutate($unser_seeds[mt_rand(0, count($unser_seeds) - 1)], $unser_ins);
}
$unserialize = [];
foreach ($unser_inputs as $s) {
    $GLOBALS['php_errors'] = 0;
    $r = unserialize($s);
    $failed = $r === false && strncmp($s, 'b:0;', 4) !== 0; // only "b:0;" means false
    $unserialize[] = $failed ? ['in' => tag_str($s), 'ok' => false] : ['in' => tag_str($s), 'ok' => true, 'out' => tag($r)];
}
$unserialize_depth = [];
foreach ([4095, 4096, 4097] as $n) {
    $GLOBALS['php_errors'] = 0;
    $r = unserialize(str_repeat('a:1:{i:0;', $n) . 'N;' . str_repeat('}', $n));
    $unserialize_depth[] = ['n' => $n, 'ok' => !($r === false && $GLOBALS['php_errors'] > 0)];
}

// ----------------------------------------------------------- json_encode ----

$json_encode = [];
$encode_values = $values;
foreach ([[1 => 1], ['a/b' => 'c/d'], ["\u{10FFFF}" => "\u{10000}"], [0.1, 10.0, 1e100, -0.0, 1e-10, 0.00001],
    ['nested' => ['empty_list' => [], 'empty_obj' => new stdClass(), 'list' => [['a' => []]]]]] as $v) {
    $encode_values[] = $v;
}
foreach ($encode_values as $v) {
    $out = json_encode($v);
    $code = json_last_error();
    $pretty = json_encode($v, JSON_PRETTY_PRINT);
    $json_encode[] = $out === false
        ? ['in' => tag($v), 'code' => $code, 'msg' => json_last_error_msg()]
        : ['in' => tag($v), 'out' => $out, 'pretty' => $pretty];
}
foreach ([NAN, INF, [1, -INF]] as $v) {
    $out = json_encode($v);
    $json_encode[] = ['in' => tag($v), 'code' => json_last_error(), 'msg' => json_last_error_msg()];
}
mt_srand(3003);
for ($i = 0; $i < 200; $i++) {
    $f = $i % 2 ? random_double() : mt_rand(0, 100000000) / (10 ** mt_rand(0, 12)) * (10 ** mt_rand(0, 25));
    $json_encode[] = ['in' => tag($f), 'out' => json_encode($f), 'pretty' => json_encode($f, JSON_PRETTY_PRINT)];
}
$json_encode_depth = [];
foreach ([511, 512, 513] as $n) {
    $a = [];
    for ($i = 1; $i < $n; $i++) {
        $a = [$a];
    }
    $out = json_encode($a);
    $json_encode_depth[] = ['n' => $n, 'code' => json_last_error(), 'out' => $out === false ? null : $out];
}

// ----------------------------------------------------------- json_decode ----

$decode_inputs = [
    '', ' ', 'null', 'true', 'false', '0', '-0', '-0.0', '0.0', '1', '-1', '1.5', '1E2', '1e-2', '1e400', '-1e400', '5e-400',
    '9223372036854775807', '9223372036854775808', '-9223372036854775808', '-9223372036854775809',
    '18446744073709551615', '18446744073709551616', '123456789012345678901234567890', '0.1', '1.0000000000000002',
    '"abc"', '""', '"\u00e9\ud83d\ude00"', '"\ud800\udc00"', '"\uD834\uDD1E"', '"\u0000"', '"\/\b\f\n\r\t\"\\\\"',
    '"é"', "\"\u{2028}\"", '[]', '{}', '[[]]', '[{}]', '{"a":{}}', '{"a":[]}', '{"":1}', '{"0":"x","1":"y"}',
    '{"1":"x","0":"y"}', '{"0":"x","2":"y"}', '{"5":1,"05":2,"-5":3,"-0":4,"9223372036854775808":5}',
    '{"a":1,"a":2,"b":3}', '{"0":"a","0":"b"}', '{"\u0000a":1}', '{"_empty_":1}', '[1,"2",3.0,null,true,false]',
    "\t\n\r 1 \t\n\r", ' [ 1 , 2 ] ', "\r\n{\r\n}\r\n",
    // syntax errors (4)
    '[1,]', '{"a":1,}', '{"a" 1}', '{1:2}', "{'a':1}", '[1 2]', '1 2', '[', ']', '{', '}', '[1,2', '{"a":', '{"a"}',
    '01', '1.', '.5', '+1', '-', '-a', '1e', '1e+', '0x10', 'NaN', 'Infinity', '-Infinity', 'TRUE', 'nul', 'truex',
    'true false', '123abc', '"\x"', '"\a"', '"\u00"', '"\u00g0"', '"\u12"', "\xef\xbb\xbf1", '/* c */ 1', '[1];',
    '"é" x', '[é]', "[\u{2028}]",
    // control characters (3)
    '"abc', "\"a\x01\"", "1 \"\x01\"", "\x00", "[1]\x00", "\"\x00\"", "\x0b1", "\x0c1", "[\"a\",\x01]", "[\x01]", "1\x01",
    "\"\x1f\"", "[1,\n\"a\x0a\"]",
    // UTF-8 errors (5)
    "\"\xff\"", "\xff", "[\"\xff\"", "[\xff]", "\"\xc0\x80\"", "\"\xed\xa0\x80\"", "\"\xf4\x90\x80\x80\"", "\"\xe2\x82\"",
    "\"\xe2\x82\xac\"", "\"\xf0\x9f\x98\x80\"", "{\"\xff\":1}",
    // UTF-16 surrogates (10)
    '"\ud800"', '"\udc00"', '"\ud800\u0041"', '"\ud800"x', '"\ud800\ud800"', '[[["\ud800"]] "\x01"', '"\uDBFF\uDFFF"',
    '"\udbff"', '"\ud7ff"', '"\ue000"',
    // state mismatch (2)
    '[1}', '{"a":1]', '[}', '{]', '[[1}]', '[1,{"a":[}]',
    // error ordering
    '[1,] "\x01"', "[1 \"\x01\"", "[\"\\ud800\" \"\xff\"]", "[\"\xff\" \"\\ud800\"]", '[1}}', "{\"a\":1] \x01",
];
mt_srand(4004);
$decode_seeds = ['{"a":[1,2.5,-3e2,"x\u00e9y"],"b":{"c":null,"d":true},"e":false}', '[{"0":1,"1":2},{}, [], "\ud83d\ude00"]',
    '{"key":"value","n":123456789012345678901}', '"\/\\\\\n"', "[\"\xc3\xa9\", \"\xe2\x82\xac\"]"];
$decode_ins = ['[', ']', '{', '}', ',', ':', '"', '\\', 'u', 'd', '8', '0', '-', '.', 'e', ' ', "\x00", "\x01", "\xff",
    "\xc3", '\ud800', '\udc00', 'true', 'n', '1'];
for ($i = 0; $i < 500; $i++) {
    $decode_inputs[] = mutate($decode_seeds[mt_rand(0, count($decode_seeds) - 1)], $decode_ins);
}
$json_decode = [];
foreach ($decode_inputs as $s) {
    $r = json_decode($s, true);
    $code = json_last_error();
    $json_decode[] = $code
        ? ['in' => tag_str($s), 'code' => $code, 'msg' => json_last_error_msg()]
        : ['in' => tag_str($s), 'code' => 0, 'out' => tag($r)];
}
$json_decode_depth = [];
foreach ([['[', '', ']'], ['[', '1', ']'], ['{"a":', '1', '}'], ['[', "\"\x01", ''], ['[', '1,]', ''], ['[', '', '']] as [$open, $mid, $close]) {
    foreach ([510, 511, 512, 513] as $n) {
        json_decode(str_repeat($open, $n) . $mid . str_repeat($close, $n), true);
        $json_decode_depth[] = ['open' => $open, 'middle' => $mid, 'close' => $close, 'n' => $n, 'code' => json_last_error()];
    }
}

// ------------------------------------------------------------- parse_str ----

$queries = [
    '', 'a=1', 'a.b=1&a b=2', 'a[b.c]=1', 'a.x[b.c][d e]=1', 'a[b=1', 'a[b.c=1', 'a[ b=1', 'a[b[c=1', 'a[b[c]=1',
    'a[b]c=1', 'a[b]c[d]=1', 'a[]=1&a[]=2', 'a[ ]=1&a[ ]=2', 'a[ b]=1', 'a[  ]=1', "a[\tb]=1", "a[\t]=1", 'a[%0A]=1',
    'a=1&a[]=2', 'a[]=2&a=1', 'a', 'a&b=', '=1', '&&a=1&&', '+a=1', ' a=1', '%20a=1', 'a%00b=1', 'a=1%002', 'a=%ff%fe',
    '%ff=1', 'a=%zz%4', 'a=%', 'a=%4', 'a=%C3%A9', 'a=é', 'é=1', 'a=b=c', 'a[x]=1&a[y]=2&a[x]=3', 'a[0]=x&a[1]=y',
    'a[1]=x&a[0]=y', 'a[05]=x', 'a[-1]=x', 'a[-5]=1&a[]=2', 'a[]=1&a[5]=2&a[]=3', 'a[9223372036854775807]=1&a[]=2',
    'a[9223372036854775808]=1&a[]=2', '5=x', '05=x', '-1=x', '[a]=1', '.=1', ' =1', ' [a]=1', 'a[b][=1', 'a[b][c=1',
    'a]b=1', 'a[b]]=1', 'a[[b]]=1', 'a.b[c.d]=1', 'a[b] [c]=1', 'GLOBALS=1', 'a=1;b=2', 'a=%2B+%26', 'a[%5Bx%5D]=1',
    'x[]=1&x[][]=2&x[][y]=3', 'a[][b]=1', 'a[b][]=1&a[b][]=2', 'a[b]=1&a[b][c]=2', 'a[b][c]=2&a[b]=1',
    'a%5Bb%5D=1', 'a%2Eb=1', 'a+b=1', 'a..b=1', '...=1', 'a[.]=1', 'a[ .]=1', 'a[]', 'a[x]', 'a[=1', 'a[]b=1', 'a[]]=1',
    'key=' . str_repeat('v', 50), 'a=1&&&b=2&', 'arr[a][b][c][d]=deep', 'a[b][c]=1&a[b][d]=2&a[e]=3',
    'a' . str_repeat('[x]', 63) . '=1&b=2', 'a' . str_repeat('[x]', 64) . '=1&b=2', 'a' . str_repeat('[x]', 65) . '=1&b=2',
    'a=1&a' . str_repeat('[x]', 65) . '=1&b=2', 'a.b=1&a_b' . str_repeat('[]', 65) . '=2',
    'c=1&a' . str_repeat('[]', 65) . '=1', '5=1&5' . str_repeat('[]', 65) . '=1',
    implode('&', array_map(static fn ($i) => "v$i=$i", range(1, 1005))),
    '&&&' . implode('&', array_map(static fn ($i) => "v$i=$i", range(1, 1005))),
    implode('&', array_map(static fn ($i) => "=$i", range(1, 10))) . '&' . implode('&', array_map(static fn ($i) => "v$i=$i", range(1, 1005))),
    implode('&', array_map(static fn ($i) => "l[]=$i", range(1, 1005))),
];
mt_srand(5005);
$q_alpha = ['a', 'b', '0', '1', '5', '.', ' ', '+', '[', ']', '[]', '=', '&', '%', '%5B', '%5D', '%00', '%ff', '%2e', '_', '-'];
for ($i = 0; $i < 400; $i++) {
    $queries[] = rand_str($q_alpha, 1, 14);
}
$parse_str = [];
foreach ($queries as $q) {
    parse_str($q, $r);
    $parse_str[] = ['in' => tag_str($q), 'out' => tag($r)];
}

// --------------------------------------------------------------- scalars ----

$scalar_inputs = [
    null, true, false, 0, 1, -1, 42, PHP_INT_MAX, PHP_INT_MIN, 0.0, -0.0, 0.1, 1.0, 1.5, -1.5, 2.5, -2.5, 1e15, 1e25,
    1e19, -1e19, 1e30, 9.2233720368547758E+18, -9.2233720368547758E+18, 1.8446744073709552E+19, 1e300, NAN, INF, -INF,
    1.5e-7, 0.00001, 0.0001, 123456789012345678.0, 0.30000000000000004, 99999999999999.9, 4.76837158203125e-07,
    '1e3', ' 5', '5 ', "\n5\n", "\x0b5", "\x0c5", '.5', '5.', '.', '0x1A', '', ' ', '1e', '1e+', '-.5e-3', '+5', '++5',
    '1_000', '12abc', ' 12abc', '99999999999999999999', '-99999999999999999999', '1e100', '-1e100', '1e19',
    '9223372036854775807', '9223372036854775808', '-9223372036854775808', '-9223372036854775809', 'inf', 'INF', 'nan',
    '1e400', '-1e400', "5\x00", '0b11', '0o17', '1.5e3abc', '-0', '- 5', '5e-400', "\t\n\r\x0b\x0c 7 \t\n\r\x0b\x0c",
    '٣', '１', '0', '00', '0.0', 'abc', 'true', '1.9', '-1.9', '1e-1', '0e0', '1E5', '1e5.5', '5..5', ' .5 ', '1 2',
    "\xff", '١٢', [], [0], ['a' => 1], str_repeat('0', 5000) . '5', '-' . str_repeat('0', 4400) . '7',
];
mt_srand(6006);
$s_alpha = [' ', "\t", "\n", '0', '1', '5', '9', '.', 'e', 'E', '+', '-', 'x', 'a'];
for ($i = 0; $i < 400; $i++) {
    $scalar_inputs[] = rand_str($s_alpha, 0, 8);
}
$scalars = [];
foreach ($scalar_inputs as $v) {
    $row = ['in' => tag($v), 'is_numeric' => is_numeric($v), 'int' => (int) $v, 'float' => tag_float((float) $v), 'bool' => (bool) $v];
    if (!is_array($v)) {
        $row['string'] = tag_str((string) $v);
        $row['absint'] = abs((int) $v);
        if (is_float($row['absint'])) {
            $row['absint'] = tag_float($row['absint']);
        }
    }
    $scalars[] = $row;
}
mt_srand(7007);
for ($i = 0; $i < 300; $i++) {
    $f = $i % 2 ? random_double() : mt_rand(0, 100000000) / (10 ** mt_rand(0, 12)) * (10 ** mt_rand(0, 25));
    $scalars[] = ['in' => tag($f), 'is_numeric' => true, 'int' => (int) $f, 'float' => tag_float($f), 'bool' => (bool) $f,
        'string' => (string) $f, 'absint' => abs((int) $f)];
}

// --------------------------------------------------------------- compare ----

$compare_inputs = [
    null, true, false, 0, 1, -1, 10, PHP_INT_MAX, PHP_INT_MIN, 9007199254740993, 0.0, -0.0, 1.0, 1.5, 1e20,
    9007199254740992.0, 9.2233720368547758E+18, NAN, INF, -INF, '', '0', '1', '-1', '1.0', '01', ' 1', '1 ', '.5',
    '1e1', '10', '9', '1e3', '1000', 'abc', 'ABC', 'a', 'b', 'on', 'null', 'INF', 'NAN', '9007199254740993',
    '9007199254740992', '9223372036854775807', '9223372036854775808', '9223372036854775809', '-9223372036854775809',
    '99999999999999999999', '99999999999999999998', '123456789012345678901.5', '123456789012345678901.7', '1e999',
    '2e999', '-1e999', '1.5', '1.50', 'é', 'z', [], [0], [1], [0, 1], [1, 0], ['a' => 1], ['a' => '1'], ['b' => 1],
    ['a' => 1, 'b' => 2], ['b' => 2, 'a' => 1], [1 => 'x', 0 => 'y'], ['x', 'y'], [[]], [null], [false],
];
$compare = [];  // one row per left operand: $a <=> $b and (int) ($a == $b) for every input $b, in order
foreach ($compare_inputs as $a) {
    $compare[] = [
        'in' => tag($a),
        'cmp' => array_map(static fn ($b) => $a <=> $b, $compare_inputs),
        'eq' => array_map(static fn ($b) => (int) ($a == $b), $compare_inputs),
    ];
}

// ---------------------------------------------------------------- output ----

$families = [
    'serialize' => $serialize,
    'unserialize' => $unserialize,
    'unserialize_depth' => $unserialize_depth,
    'json_encode' => $json_encode,
    'json_encode_depth' => $json_encode_depth,
    'json_decode' => $json_decode,
    'json_decode_depth' => $json_decode_depth,
    'parse_str' => $parse_str,
    'scalars' => $scalars,
    'compare' => $compare,
];
$flags = JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_THROW_ON_ERROR;
echo "{\n", '"php_version": ', json_encode(PHP_VERSION, $flags);
foreach ($families as $name => $rows) {
    echo ",\n", json_encode($name, $flags), ": [\n";
    echo implode(",\n", array_map(static fn ($row) => json_encode($row, $flags), $rows));
    echo "\n]";
}
echo "\n}\n";
