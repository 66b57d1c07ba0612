<?php
require_once 'HTTP/Request2.php';
$request = new HTTP_Request2();
$request->setUrl('https://api.acme.example/v2/orders');
$request->setMethod(HTTP_Request2::METHOD_OPTIONS);
$request->setConfig(array(
  'follow_redirects' => TRUE
));
$request->setHeader(array(
  'Origin' => 'https://shop.example.com',
  'Access-Control-Request-Method' => 'POST',
  'Access-Control-Request-Headers' => 'content-type, authorization'
));
try {
  $response = $request->send();
  if ($response->getStatus() == 200) {
    echo $response->getBody();
  }
  else {
    echo 'Unexpected HTTP status: ' . $response->getStatus() . ' ' .
    $response->getReasonPhrase();
  }
}
catch(HTTP_Request2_Exception $e) {
  echo 'Error: ' . $e->getMessage();
}
