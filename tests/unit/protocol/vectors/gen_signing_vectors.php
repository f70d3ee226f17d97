<?php
// Generates signing_vectors.json with PHP's own parse_str, rawurlencode, sort, json_encode and
// hash_hmac, following the algorithm of Jetpack_Signature::sign_request (re-written here, not
// copied). Run: php tests/unit/protocol/vectors/gen_signing_vectors.php > .../signing_vectors.json

function sig_error( $code, $message ) {
	return array( 'error' => $code, 'message' => $message );
}

function normalized_query( $query ) {
	parse_str( $query, $array );
	unset( $array['signature'] );
	$pairs = array();
	foreach ( $array as $name => $value ) {
		$pairs[] = join_pair( rawurlencode( $name ), encode_deep( $value ) );
	}
	sort( $pairs );
	return $pairs;
}

function encode_deep( $value ) {
	return is_array( $value ) ? array_map( 'encode_deep', $value ) : rawurlencode( $value );
}

function join_pair( $name, $value ) {
	if ( ! is_array( $value ) ) {
		return "{$name}={$value}";
	}
	$out = array();
	foreach ( $value as $k => $v ) {
		$joined = join_pair( $name . '[' . $k . ']', $v );
		if ( is_array( $joined ) ) {
			foreach ( array_values( $joined ) as $j ) {
				$out[] = $j;
			}
		} else {
			$out[] = $joined;
		}
	}
	sort( $out );
	return $out;
}

function sign( $access_token, $token, $timestamp, $nonce, $body_hash, $method, $url, $body, $now, $time_diff, $verify ) {
	$parts = explode( '.', $access_token );
	if ( 2 !== count( $parts ) || ! $parts[1] ) {
		return sig_error( 'invalid_secret', 'Invalid secret' );
	}
	list( $own, $secret ) = $parts;
	if ( ! $own ) {
		return sig_error( 'invalid_token', 'Invalid token' );
	}
	list( $token ) = explode( '.', $token );
	if ( 0 !== strpos( $token, "$own:" ) ) {
		return sig_error( 'token_mismatch', 'Incorrect token' );
	}
	if ( is_array( $body ) ) {
		$body = count( $body ) > 0 ? json_encode( $body ) : '';
	}
	$req = array( 'token' => $token, 'timestamp' => $timestamp, 'nonce' => $nonce, 'method' => $method, 'url' => $url );
	if ( null !== $body ) {
		$req['body_hash'] = $body_hash;
	}
	foreach ( $req as $k => $v ) {
		if ( ! strlen( $v ) ) {
			return sig_error( 'invalid_signature', sprintf( 'The required "%s" parameter is missing.', str_replace( '_', '-', $k ) ) );
		}
	}
	if ( empty( $body ) ) {
		if ( $body_hash ) {
			return sig_error( 'invalid_body_hash', 'Invalid body hash for empty body.' );
		}
	} elseif ( $verify && base64_encode( sha1( $body, true ) ) !== $body_hash ) {
		return sig_error( 'invalid_body_hash', 'The body hash does not match.' );
	}
	$p = parse_url( $url );
	if ( ! isset( $p['host'] ) ) {
		return sig_error( 'invalid_signature', 'The required "url" parameter is malformed.' );
	}
	if ( ! empty( $p['port'] ) ) {
		$port = $p['port'];
	} elseif ( 'http' === $p['scheme'] ) {
		$port = 80;
	} elseif ( 'https' === $p['scheme'] ) {
		$port = 443;
	} else {
		return sig_error( 'unknown_scheme_port', "The scheme's port is unknown" );
	}
	if ( ! ctype_digit( "$timestamp" ) || 10 < strlen( $timestamp ) ) {
		return sig_error( 'invalid_signature', 'The required "timestamp" parameter is malformed.' );
	}
	$local = $timestamp - $time_diff;
	if ( $local < $now - 600 || $local > $now + 300 ) {
		return sig_error( 'invalid_signature', 'The timestamp is too old.' );
	}
	if ( 12 < strlen( $nonce ) || preg_match( '/[^a-zA-Z0-9]/', $nonce ) ) {
		return sig_error( 'invalid_signature', 'The required "nonce" parameter is malformed.' );
	}
	$pieces = array( $token, $timestamp, $nonce, $body_hash, strtoupper( $method ), strtolower( $p['host'] ), $port, empty( $p['path'] ) ? '' : $p['path'] );
	foreach ( normalized_query( isset( $p['query'] ) ? $p['query'] : '' ) as $piece ) {
		if ( is_array( $piece ) ) {
			foreach ( $piece as $sub ) {
				$pieces[] = $sub;
			}
		} else {
			$pieces[] = $piece;
		}
	}
	$string = join( "\n", $pieces ) . "\n";
	return array( 'normalized' => $string, 'signature' => base64_encode( hash_hmac( 'sha1', $string, $secret, true ) ) );
}

$now   = 1700000000;
$json  = '{"path":"\/jetpack\/v4\/module\/monitor","value":"caf\u00e9"}';
$cases = array(
	array( 'name' => 'blog GET, query auth', 'access_token' => 'Kq3BlogKey12.s3cr3tS3cr3tS3cr3tS3cr3tS3cr3tS3cr', 'token' => 'Kq3BlogKey12:1:0', 'timestamp' => '1700000000', 'nonce' => 'aB3dE5gH7j', 'body_hash' => '', 'method' => 'GET', 'url' => 'https://public-api.wordpress.com/rest/v1.1/sites/123456/?force=wpcom&token=Kq3BlogKey12%3A1%3A0&timestamp=1700000000&nonce=aB3dE5gH7j&body-hash=&signature=ignored%3D', 'body' => null ),
	array( 'name' => 'user POST json, explicit port, uppercase host', 'access_token' => 'UsrKey.UsrSecret', 'token' => 'UsrKey:1:5', 'timestamp' => '1699999800', 'nonce' => 'zz9', 'body_hash' => base64_encode( sha1( $json, true ) ), 'method' => 'post', 'url' => 'http://WPCOM.Example:8080/wpcom/v2/sites/7/x?b=2&a=1', 'body' => $json ),
	array( 'name' => 'arrays, spaces, dots, tilde, unicode', 'access_token' => 'k.s', 'token' => 'k:1:0', 'timestamp' => '1700000200', 'nonce' => 'N', 'body_hash' => '', 'method' => 'GET', 'url' => 'http://example.com/p%20q/r?z=~x&a.b=1&c%20d=e+f&arr[]=2&arr[]=1&m[y]=%2F&m[x][]=q&s=caf%C3%A9&empty&n=10&n2=9', 'body' => null ),
	array( 'name' => 'xmlrpc body, https default port', 'access_token' => 'abc.def', 'token' => 'abc:1:3', 'timestamp' => '1700000000', 'nonce' => 'Q1w2E3r4T5y6', 'body_hash' => base64_encode( sha1( '<?xml version="1.0"?><methodCall><methodName>wpcom.getUser</methodName><params></params></methodCall>', true ) ), 'method' => 'POST', 'url' => 'https://jetpack.wordpress.com/xmlrpc.php?for=jetpack&wpcom_blog_id=42', 'body' => '<?xml version="1.0"?><methodCall><methodName>wpcom.getUser</methodName><params></params></methodCall>' ),
	array( 'name' => 'time diff applied', 'access_token' => 'abc.def', 'token' => 'abc:1:0', 'timestamp' => '1700003000', 'nonce' => 'x', 'body_hash' => '', 'method' => 'GET', 'url' => 'http://h/', 'body' => null, 'time_diff' => 3000 ),
	array( 'name' => 'token mismatch', 'access_token' => 'abc.def', 'token' => 'abd:1:0', 'timestamp' => '1700000000', 'nonce' => 'x', 'body_hash' => '', 'method' => 'GET', 'url' => 'http://h/', 'body' => null ),
	array( 'name' => 'timestamp too old', 'access_token' => 'abc.def', 'token' => 'abc:1:0', 'timestamp' => '1699999399', 'nonce' => 'x', 'body_hash' => '', 'method' => 'GET', 'url' => 'http://h/', 'body' => null ),
	array( 'name' => 'timestamp too new', 'access_token' => 'abc.def', 'token' => 'abc:1:0', 'timestamp' => '1700000301', 'nonce' => 'x', 'body_hash' => '', 'method' => 'GET', 'url' => 'http://h/', 'body' => null ),
	array( 'name' => 'timestamp malformed', 'access_token' => 'abc.def', 'token' => 'abc:1:0', 'timestamp' => '17000000.0', 'nonce' => 'x', 'body_hash' => '', 'method' => 'GET', 'url' => 'http://h/', 'body' => null ),
	array( 'name' => 'nonce malformed', 'access_token' => 'abc.def', 'token' => 'abc:1:0', 'timestamp' => '1700000000', 'nonce' => 'a-b', 'body_hash' => '', 'method' => 'GET', 'url' => 'http://h/', 'body' => null ),
	array( 'name' => 'nonce too long', 'access_token' => 'abc.def', 'token' => 'abc:1:0', 'timestamp' => '1700000000', 'nonce' => 'abcdefghijklm', 'body_hash' => '', 'method' => 'GET', 'url' => 'http://h/', 'body' => null ),
	array( 'name' => 'body hash mismatch', 'access_token' => 'abc.def', 'token' => 'abc:1:0', 'timestamp' => '1700000000', 'nonce' => 'x', 'body_hash' => 'AAAA', 'method' => 'POST', 'url' => 'http://h/', 'body' => 'hello' ),
	array( 'name' => 'empty body with hash', 'access_token' => 'abc.def', 'token' => 'abc:1:0', 'timestamp' => '1700000000', 'nonce' => 'x', 'body_hash' => 'AAAA', 'method' => 'POST', 'url' => 'http://h/', 'body' => '0' ),
	array( 'name' => 'body without hash', 'access_token' => 'abc.def', 'token' => 'abc:1:0', 'timestamp' => '1700000000', 'nonce' => 'x', 'body_hash' => '', 'method' => 'POST', 'url' => 'http://h/', 'body' => 'hello' ),
	array( 'name' => 'missing nonce', 'access_token' => 'abc.def', 'token' => 'abc:1:0', 'timestamp' => '1700000000', 'nonce' => '', 'body_hash' => '', 'method' => 'GET', 'url' => 'http://h/', 'body' => null ),
	array( 'name' => 'three-part access token', 'access_token' => 'abc.def.5', 'token' => 'abc:1:5', 'timestamp' => '1700000000', 'nonce' => 'x', 'body_hash' => '', 'method' => 'GET', 'url' => 'http://h/', 'body' => null ),
	array( 'name' => 'unknown scheme', 'access_token' => 'abc.def', 'token' => 'abc:1:0', 'timestamp' => '1700000000', 'nonce' => 'x', 'body_hash' => '', 'method' => 'GET', 'url' => 'ftp://h/', 'body' => null ),
	array( 'name' => 'no host', 'access_token' => 'abc.def', 'token' => 'abc:1:0', 'timestamp' => '1700000000', 'nonce' => 'x', 'body_hash' => '', 'method' => 'GET', 'url' => '/just/a/path', 'body' => null ),
);

$out = array( 'now' => $now, 'sign' => array() );
foreach ( $cases as $c ) {
	$td             = isset( $c['time_diff'] ) ? $c['time_diff'] : 0;
	$c['time_diff'] = $td;
	$c['result']    = sign( $c['access_token'], $c['token'], $c['timestamp'], $c['nonce'], $c['body_hash'], $c['method'], $c['url'], $c['body'], $now, $td, true );
	$out['sign'][]  = $c;
}

$out['normalized_query'] = array();
foreach ( array( '', 'b=2&a=1', 'x[]=b&x[]=a&y=1', 'k[2]=a&k[10]=b&k[b]=c', 'a=1&a=2', 'p=%2B%20+&q=a%7Eb', 'z[a][b]=1&z[a][c]=0&y[]=q&w', 'signature=x&token=t' ) as $q ) {
	$out['normalized_query'][] = array( 'query' => $q, 'pairs' => normalized_query( $q ) );
}

$out['sign_role'] = array();
foreach ( array( array( 'administrator', 1, 'Kq3BlogKey12.s3cr3t' ), array( 'editor', 27, 'abc.def' ) ) as $r ) {
	$out['sign_role'][] = array( 'role' => $r[0], 'user_id' => $r[1], 'blog_token' => $r[2], 'scope' => $r[0] . ':' . hash_hmac( 'md5', "{$r[0]}|{$r[1]}", $r[2] ) );
}

$out['signed_token'] = array();
foreach ( array( array( 'abc.def', 0, 'n0nce12345' ), array( 'Usr.Sec', 5, 'QQQQQQQQQQ' ) ) as $t ) {
	list( $key, $secret ) = explode( '.', $t[0] );
	$tk                   = sprintf( '%s:%d:%d', $key, 1, $t[1] );
	$sig                  = base64_encode( hash_hmac( 'sha1', join( "\n", array( $tk, $now, $t[2] ) ) . "\n", $secret, true ) );
	$out['signed_token'][] = array( 'access_token' => $t[0], 'user_id' => $t[1], 'nonce' => $t[2], 'value' => sprintf( 'token="%s" timestamp="%s" nonce="%s" signature="%s"', $tk, $now, $t[2], $sig ) );
}

$out['form_json'] = array();
foreach ( array( 'a=1&b[]=x&b[]=y&c[k]=%2Fv&d=caf%C3%A9', 'user_token=token%3D%22k%3A1%3A5%22&blog_token=x', 'n=0&m=' ) as $f ) {
	parse_str( $f, $arr );
	$out['form_json'][] = array( 'form' => $f, 'json' => json_encode( $arr ) );
}

$out['sha1_base64'] = array();
foreach ( array( '', 'hello', '{"a":"\/b"}' ) as $s ) {
	$out['sha1_base64'][] = array( 'text' => $s, 'hash' => base64_encode( sha1( $s, true ) ) );
}

echo json_encode( $out, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES ) . "\n";
