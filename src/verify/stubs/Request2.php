<?php
// snipgen verify: a stand-in for PEAR HTTP_Request2, which no registry reachable here ships.
// It has the surface snipgen's PHP samples use and sends the request they describe over a
// plain socket, so the echo server can compare it. It is not the real client: results
// that pass through it are reported CHECKED, never PASS.

class HTTP_Request2_Exception extends Exception {}

class HTTP_Request2_Response
{
    private $status;
    private $reason;
    private $body;

    public function __construct($status, $reason, $body)
    {
        $this->status = $status;
        $this->reason = $reason;
        $this->body = $body;
    }
    public function getStatus() { return $this->status; }
    public function getReasonPhrase() { return $this->reason; }
    public function getBody() { return $this->body; }
}

class HTTP_Request2
{
    const METHOD_OPTIONS = 'OPTIONS';
    const METHOD_GET = 'GET';
    const METHOD_HEAD = 'HEAD';
    const METHOD_POST = 'POST';
    const METHOD_PUT = 'PUT';
    const METHOD_DELETE = 'DELETE';
    const METHOD_TRACE = 'TRACE';
    const METHOD_CONNECT = 'CONNECT';
    const AUTH_BASIC = 'basic';
    const AUTH_DIGEST = 'digest';

    private $url = null;
    private $method = self::METHOD_GET;
    private $config = array();
    private $headers = array();
    private $postParams = array();
    private $uploads = array();
    private $body = null;

    public function __construct($url = null, $method = self::METHOD_GET, array $config = array())
    {
        if ($url !== null) { $this->setUrl($url); }
        $this->setMethod($method);
        $this->setConfig($config);
    }

    public function setUrl($url)
    {
        if (!is_string($url) || parse_url($url) === false) {
            throw new HTTP_Request2_Exception('Invalid URL: ' . var_export($url, true));
        }
        $this->url = $url;
        return $this;
    }

    public function setMethod($method)
    {
        if (!is_string($method) || !preg_match('/^[!#$%&\'*+\-.^_`|~0-9A-Za-z]+$/', $method)) {
            throw new HTTP_Request2_Exception('Invalid request method: ' . var_export($method, true));
        }
        $this->method = $method;
        return $this;
    }

    public function setConfig($nameOrConfig, $value = null)
    {
        if (is_array($nameOrConfig)) {
            foreach ($nameOrConfig as $k => $v) { $this->config[$k] = $v; }
        } else {
            $this->config[$nameOrConfig] = $value;
        }
        return $this;
    }

    // Like the real client: an array sets several headers; `name: value` strings are split.
    public function setHeader($name, $value = null, $replace = true)
    {
        if (is_array($name)) {
            foreach ($name as $k => $v) {
                if (is_string($k)) { $this->setHeader($k, $v, $replace); } else { $this->setHeader($v); }
            }
            return $this;
        }
        if ($value === null && strpos($name, ':') !== false) {
            list($name, $value) = array_map('trim', explode(':', $name, 2));
        }
        if (!preg_match('/^[!#$%&\'*+\-.^_`|~0-9A-Za-z]+$/', $name)) {
            throw new HTTP_Request2_Exception("Invalid header name '$name'");
        }
        if (!is_string($value) || preg_match("/[\r\n\0]/", $value)) {
            throw new HTTP_Request2_Exception("Invalid header value for '$name'");
        }
        $key = strtolower($name);
        if ($replace || !isset($this->headers[$key])) {
            $this->headers[$key] = array($name, $value);
        } else {
            $this->headers[$key][1] .= ', ' . $value;
        }
        return $this;
    }

    public function setAuth($user, $password = '', $scheme = self::AUTH_BASIC)
    {
        if ($scheme !== self::AUTH_BASIC) {
            throw new HTTP_Request2_Exception('stub: only basic auth is supported');
        }
        $this->headers['authorization'] = array('Authorization', 'Basic ' . base64_encode($user . ':' . $password));
        return $this;
    }

    // Like the real client: parameters and uploads are maps keyed by name (a second call with
    // a name replaces the first); a repeated name is one key with an array value.
    public function addPostParameter($name, $value = null)
    {
        if (is_array($name)) {
            foreach ($name as $k => $v) { $this->addPostParameter($k, $v); }
        } else {
            $this->postParams[$name] = $value;
        }
        if (!isset($this->headers['content-type'])) {
            $this->headers['content-type'] = array('Content-Type', 'application/x-www-form-urlencoded');
        }
        return $this;
    }

    // `$filename` is a path, or an array of paths or of array(path, sendFilename, contentType).
    public function addUpload($fieldName, $filename, $sendFilename = null, $contentType = null)
    {
        $files = is_array($filename) ? $filename : array(array($filename, $sendFilename, $contentType));
        $entries = array();
        foreach ($files as $f) {
            if (!is_array($f)) { $f = array($f); }
            if (!is_readable($f[0])) {
                throw new HTTP_Request2_Exception("File '{$f[0]}' is not readable");
            }
            // empty(), as the real client tests it: a send name of '' or '0' means the basename.
            $entries[] = array(
                'data' => file_get_contents($f[0]),
                'filename' => !empty($f[1]) ? $f[1] : basename($f[0]),
                'type' => !empty($f[2]) ? $f[2] : 'application/octet-stream',
            );
        }
        $this->uploads[$fieldName] = array('list' => is_array($filename), 'entries' => $entries);
        $type = isset($this->headers['content-type']) ? $this->headers['content-type'][1] : '';
        if ($type === '' || $type === 'application/x-www-form-urlencoded') {
            $this->headers['content-type'] = array('Content-Type', 'multipart/form-data');
        }
        return $this;
    }

    public function setBody($body, $isFilename = false)
    {
        $this->body = $isFilename ? file_get_contents($body) : (string) $body;
        $this->postParams = $this->uploads = array();
        return $this;
    }

    private function useBrackets()
    {
        return !array_key_exists('use_brackets', $this->config) || $this->config['use_brackets'];
    }

    // The real client's flattening: nested arrays become `name[key]` with use_brackets on
    // (the default), or the bare name repeated with it off.
    private static function flatten($name, $value, $brackets)
    {
        if (!is_array($value)) { return array(array((string) $name, $value)); }
        $out = array();
        foreach ($value as $k => $v) {
            $inner = $name === '' ? $k : ($brackets ? $name . '[' . $k . ']' : $name);
            $out = array_merge($out, self::flatten($inner, $v, $brackets));
        }
        return $out;
    }

    // Only a POST sends its parameters and uploads: for other methods the real client sends
    // the body set with setBody (none if there is none).
    private function buildBody(&$contentType)
    {
        if ($this->method !== self::METHOD_POST || (!$this->postParams && !$this->uploads)) {
            return $this->body === null ? '' : $this->body;
        }
        $type = isset($this->headers['content-type']) ? $this->headers['content-type'][1] : '';
        if (strpos($type, 'application/x-www-form-urlencoded') === 0) {
            $body = http_build_query($this->postParams, '', '&');
            if (!$this->useBrackets()) { $body = preg_replace('/%5B\d+%5D=/', '=', $body); }
            return str_replace('%7E', '~', $body);
        }
        if (strpos($type, 'multipart/form-data') !== 0) {
            return $this->body === null ? '' : $this->body;
        }
        $brackets = $this->useBrackets();
        $boundary = '--------------------------snipgenstub' . bin2hex(random_bytes(6));
        // As the real adapters do: the multipart type is replaced, boundary included.
        $contentType = 'multipart/form-data; boundary=' . $boundary;
        $out = '';
        foreach (self::flatten('', $this->postParams, $brackets) as $p) {
            $out .= "--$boundary\r\nContent-Disposition: form-data; name=\"{$p[0]}\"\r\n\r\n{$p[1]}\r\n";
        }
        foreach ($this->uploads as $field => $u) {
            foreach ($u['entries'] as $i => $e) {
                $name = ($u['list'] && $brackets) ? $field . '[' . $i . ']' : $field;
                $out .= "--$boundary\r\nContent-Disposition: form-data; name=\"$name\"; filename=\"{$e['filename']}\"\r\n"
                    . "Content-Type: {$e['type']}\r\n\r\n{$e['data']}\r\n";
            }
        }
        return $out . "--$boundary--\r\n";
    }

    public function send()
    {
        if ($this->url === null) { throw new HTTP_Request2_Exception('No URL given'); }
        $u = parse_url($this->url);
        if (($u['scheme'] ?? '') !== 'http') {
            throw new HTTP_Request2_Exception('stub: only http:// URLs (the verify server) are supported');
        }
        $host = $u['host'];
        $port = $u['port'] ?? 80;
        $target = ($u['path'] ?? '/') . (isset($u['query']) ? '?' . $u['query'] : '');
        $contentType = null;
        $body = $this->buildBody($contentType);
        $lines = array("{$this->method} $target HTTP/1.1", "Host: $host:$port");
        // Headers are one map keyed by lower-case name: a Connection header given replaces
        // the adapter's own.
        if (!isset($this->headers['connection'])) { $lines[] = 'Connection: close'; }
        foreach ($this->headers as $key => $h) {
            $value = ($key === 'content-type' && $contentType !== null) ? $contentType : $h[1];
            $lines[] = "{$h[0]}: $value";
        }
        if ($body !== '' || in_array($this->method, array('POST', 'PUT', 'PATCH'), true)) {
            $lines[] = 'Content-Length: ' . strlen($body);
        }
        $socket = @fsockopen($host, $port, $errno, $errstr, 30);
        if (!$socket) { throw new HTTP_Request2_Exception("Unable to connect: $errstr"); }
        fwrite($socket, implode("\r\n", $lines) . "\r\n\r\n" . $body);
        $response = stream_get_contents($socket);
        fclose($socket);
        $split = strpos($response, "\r\n\r\n");
        if ($split === false || !preg_match('#^HTTP/\d\.\d (\d{3}) ?([^\r\n]*)#', $response, $m)) {
            throw new HTTP_Request2_Exception('Malformed response');
        }
        return new HTTP_Request2_Response((int) $m[1], $m[2], substr($response, $split + 4));
    }
}
