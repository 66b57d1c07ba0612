package main

import (
	"fmt"
	"strings"
	"net/http"
	"io"
)

func main() {

	url := "https://api.acme.example/v2/orders/{{orderID}}"
	method := "PATCH"

	payload := strings.NewReader(`{
  "status": "SHIPPED",
  "tracking": {
    "carrier": "UPS",
    "number": "1Z999AA10123456784"
  }
}`)

	client := &http.Client {
	}
	req, err := http.NewRequest(method, url, payload)

	if err != nil {
		fmt.Println(err)
		return
	}
	req.Header.Add("Idempotency-Key", "{{idempotencyKey}}")
	req.Header.Add("If-Match", "\"33a64df551425fcc55e4d42a148795d9f25f89d4\"")
	req.Header.Add("Authorization", "Bearer {{accessToken}}")
	req.Header.Add("Content-Type", "application/merge-patch+json")

	res, err := client.Do(req)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer res.Body.Close()

	body, err := io.ReadAll(res.Body)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(body))
}
